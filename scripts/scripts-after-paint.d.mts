export const LATER_TYPE: string;
export const SIGNED_IN_APP_MARK: string;
export function loader(signedInChunks?: string[]): string;
export function signedInAppChunks(dir: string): string[];
export function scriptsAfterPaint(html: string, signedInChunks?: string[]): string;
export function deferExportScripts(dir?: string): number;
