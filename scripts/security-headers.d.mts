export interface HeaderOptions {
  dir?: string;
  homeservers?: string[];
  connectSrc?: string[];
  reportUri?: string;
}
export function inlineHashes(dir?: string): { scripts: string[]; styles: string[]; styleAttributes: string[] };
export function connectSources(homeservers?: string[]): string[];
export function configuredHomeservers(): string[];
export function contentSecurityPolicy(options?: HeaderOptions): string;
export function securityHeaders(options?: HeaderOptions): Record<string, string>;
export function headersFile(options?: HeaderOptions): string;
export function headersFor(format: 'plain' | 'nginx' | 'caddy', options?: HeaderOptions): string;
export const ASSET_HEADERS: Record<string, string>;
export function isDocumentPath(path: string): boolean;
export function documentPaths(dir?: string): string[];
