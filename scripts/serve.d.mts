/** A Content Security Policy violation report, as browsers send it to `report-uri`. */
export interface CspReport {
  'document-uri'?: string;
  'violated-directive'?: string;
  'effective-directive'?: string;
  'blocked-uri'?: string;
  'script-sample'?: string;
  [key: string]: unknown;
}

export function serveStatic(options?: {
  port?: number;
  dir?: string;
  homeserverUrl?: string;
  /** The policy's connect-src sources as they are, instead of the homeserver's origin. */
  connectSrc?: string[];
  singlePage?: boolean;
  onViolation?: (report: CspReport) => void;
}): Promise<{
  url: string;
  /** Bytes sent so far, headers included. */
  bytesSent(): number;
  setDir(dir: string): void;
  close(): Promise<void>;
}>;
