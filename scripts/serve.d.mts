export function serveStatic(options?: { port?: number; dir?: string; homeserverUrl?: string; singlePage?: boolean }): Promise<{
  url: string;
  setDir(dir: string): void;
  close(): Promise<void>;
}>;
