export const LATER_TYPE: string;
export const LOADER: string;
export function scriptsAfterPaint(html: string): string;
export function deferExportScripts(dir?: string): number;
