/**
 * Wraps fetch for matrix-js-sdk so that, while the homeserver is out of reach, requests fail
 * locally instead of hitting the network: after each failure without an answer the gate stays
 * shut for twice as long (0.5 s, 1 s, 2 s … at most 30 s). The SDK's own keep-alive polls
 * every 5–10 s; through the gate, at most one of them per window reaches the network.
 * Any answer from the server (even an error status) opens it again.
 */
export const MIN_WAIT_MS = 500;
export const MAX_WAIT_MS = 30_000;

export class ConnectivityGate {
  private failures = 0;
  private shutUntil = 0;

  constructor(
    private readonly inner: typeof fetch = (...args) => globalThis.fetch(...args),
    private readonly now: () => number = Date.now,
  ) {}

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.now() < this.shutUntil) throw new TypeError('Homeserver unreachable; next probe later');
    try {
      const response = await this.inner(input, init);
      this.failures = 0;
      this.shutUntil = 0;
      return response;
    } catch (error) {
      // Our own aborts (a sync stopped, a timeout we set) say nothing about the network.
      if ((error as Error)?.name !== 'AbortError') this.failed();
      throw error;
    }
  };

  /** Lets the next request through at once (the browser says it is online again). */
  probeNow(): void {
    this.shutUntil = 0;
  }

  private failed(): void {
    const wait = Math.min(MAX_WAIT_MS, MIN_WAIT_MS * 2 ** this.failures);
    this.failures++;
    this.shutUntil = this.now() + wait;
  }
}
