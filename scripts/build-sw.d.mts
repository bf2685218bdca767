export function buildServiceWorker(options?: { dir?: string; buildId?: string }): Promise<{ buildId: string; count: number; size: number }>;
export function shellFiles(dir: string): string[];
