export function serveStatic(options?: { port?: number; dir?: string; homeserverUrl?: string; singlePage?: boolean }): Promise<{
  url: string;
  /** Bytes sent so far, headers included. */
  bytesSent(): number;
  setDir(dir: string): void;
  close(): Promise<void>;
}>;
