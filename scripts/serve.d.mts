export function serveStatic(options?: { port?: number; dir?: string; homeserverUrl?: string }): Promise<{ url: string; close(): Promise<void> }>;
