export function serveStatic(options?: { port?: number; dir?: string; homeserverUrl?: string }): Promise<{
  url: string;
  setDir(dir: string): void;
  close(): Promise<void>;
}>;
