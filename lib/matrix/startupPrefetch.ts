import type { ResumedSync, SyncAnswer } from './resumeSync';

/**
 * The SDK's start, made shorter on the network side:
 * - Before its first /sync the SDK asks for the push rules, and only after its stores have
 *   loaded. Asked as soon as the SDK's code is in, the answer is already waiting when the SDK
 *   asks. An early answer serves the first identical GET only, and only while fresh; anything
 *   else goes to the network as usual.
 * - `requested` tells when a request has left, so that local work can wait for it.
 * - A /sync asked before the SDK loaded (resumeSync) serves the SDK's first /sync from the same
 *   position with the same filter, once; if it got no answer, the SDK's request goes out.
 */
export const FRESH_MS = 30_000;

/** The body and status the SDK reads; the encoding and length were the network's. */
function replayed(answer: SyncAnswer): Response {
  const headers = answer.headers.filter(([name]) => !/^content-(encoding|length)$/i.test(name));
  return new Response(answer.text, { status: answer.status, headers });
}

interface Early {
  response: Promise<Response>;
  at: number;
}

export class StartupPrefetch {
  private readonly early = new Map<string, Early>();
  private readonly waiters: { path: string; resolve(): void }[] = [];
  private resumed: ResumedSync | null = null;

  constructor(
    private readonly inner: typeof fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a GET that the SDK is about to make, with the same authorisation. */
  get(url: string, accessToken: string): void {
    const response = this.inner(url, { method: 'GET', headers: { Authorization: `Bearer ${accessToken}` }, credentials: 'omit' });
    // Whoever takes it handles a failure; nobody taking it is no error.
    response.catch(() => undefined);
    this.early.set(url, { response, at: this.now() });
  }

  /** The SDK's first /sync from `resumed.since` is to be answered by `resumed`. */
  offerSync(resumed: ResumedSync): void {
    this.resumed = resumed;
  }

  /** Resolves when a request to a URL whose path ends with `path` has been handed to the network. */
  requested(path: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ path, resolve }));
  }

  readonly fetch: typeof fetch = (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.release(url);
    const resumed = method === 'GET' ? this.takeResumed(url) : null;
    if (resumed) return resumed.answer.then((answer) => (answer ? replayed(answer) : this.inner(input, init)));
    const early = method === 'GET' ? this.early.get(url) : undefined;
    if (early) {
      this.early.delete(url);
      if (this.now() - early.at <= FRESH_MS) return early.response;
    }
    return this.inner(input, init);
  };

  private takeResumed(url: string): ResumedSync | null {
    const resumed = this.resumed;
    if (!resumed) return null;
    const { pathname, searchParams } = new URL(url);
    if (!pathname.endsWith('/sync') || searchParams.get('since') !== resumed.since || searchParams.get('filter') !== resumed.filterId) return null;
    this.resumed = null;
    return resumed;
  }

  private release(url: string): void {
    if (!this.waiters.length) return;
    const path = new URL(url).pathname;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (path.endsWith(this.waiters[i].path)) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
