import type { MatrixClient } from 'matrix-js-sdk';
import {
  CryptoEvent,
  VerificationPhase,
  VerificationRequestEvent,
  VerifierEvent,
  type ShowSasCallbacks,
  type VerificationRequest,
  type Verifier,
} from 'matrix-js-sdk/lib/crypto-api/index.js';
import { completeAfterVerification } from './encryptionSetup';
import { verificationView, type VerificationController, type VerificationView } from './verificationView';

/** While no device has answered a request of ours, it is sent again after these waits. */
const ASK_AGAIN_AFTER_MS = [8_000, 15_000, 30_000];

/**
 * Self-verification by emoji comparison (SAS) between two devices of the account, both in
 * this app. One instance per syncing tab, attached to its client.
 */
class Verification implements VerificationController {
  private request: VerificationRequest | null = null;
  private sas: ShowSasCallbacks | null = null;
  private client: MatrixClient | null = null;

  private get view(): VerificationView {
    return verificationView.get();
  }

  private set(view: VerificationView) {
    verificationView.set(view);
  }

  /** Called by the syncing tab once its client runs; returns the detach. */
  attach(client: MatrixClient): () => void {
    this.client = client;
    verificationView.setController(this);
    // A verification another syncing tab was running ended with it.
    this.finish({ phase: 'none' });
    const onRequest = (request: VerificationRequest) => {
      // Only our own devices' requests (self-verification); a busy dialog declines others.
      if (!request.isSelfVerification || this.request) return;
      this.track(request);
      this.set({ phase: 'incoming', deviceId: request.otherDeviceId ?? '' });
    };
    client.on(CryptoEvent.VerificationRequestReceived, onRequest);
    // A request that came with the first sync, before this listener existed (the app was being
    // opened while the other device asked), would otherwise wait unseen until it times out.
    const userId = client.getUserId();
    const pending = userId ? (client.getCrypto()?.getVerificationRequestsToDeviceInProgress(userId) ?? []) : [];
    const waiting = pending.find((r) => !r.initiatedByMe && r.phase === VerificationPhase.Requested);
    if (waiting) onRequest(waiting);
    return () => {
      client.off(CryptoEvent.VerificationRequestReceived, onRequest);
      verificationView.setController(null);
      this.client = null;
    };
  }

  /** The new device asks the account's other devices to verify it. */
  async start(): Promise<void> {
    const crypto = this.client?.getCrypto();
    if (!crypto) throw new Error('not ready');
    this.set({ phase: 'waiting' });
    const request = await crypto.requestOwnUserVerification();
    this.track(request);
    void this.askAgainWhileUnanswered(request);
  }

  /**
   * A device that was closed while this one signed in learns of it in the same sync that brings
   * the request, and the crypto library drops a request from a device it does not know yet
   * (matrix-rust-sdk issue 5007). Asking again, while no device has answered, reaches it once it
   * has fetched this device's keys.
   */
  private async askAgainWhileUnanswered(first: VerificationRequest): Promise<void> {
    let current = first;
    for (const delay of ASK_AGAIN_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const crypto = this.client?.getCrypto();
      if (!crypto || this.request !== current || current.phase !== VerificationPhase.Requested) return;
      // Let go of it first, so that its cancellation does not end the dialog.
      this.request = null;
      await current.cancel().catch(() => undefined);
      const next = await crypto.requestOwnUserVerification();
      // The user cancelled (or another request took over) meanwhile.
      if (this.request !== null || this.view.phase !== 'waiting') {
        await next.cancel().catch(() => undefined);
        return;
      }
      current = next;
      this.track(next);
    }
  }

  async accept(): Promise<void> {
    this.set({ phase: 'waiting' });
    await this.request?.accept();
  }

  /** The user compared the emoji: a match confirms, a mismatch cancels for both sides. */
  async answer(match: boolean): Promise<void> {
    if (this.view.phase === 'emoji') this.set({ ...this.view, answered: true });
    if (match) await this.sas?.confirm();
    else this.sas?.mismatch();
  }

  async cancel(): Promise<void> {
    await this.request?.cancel().catch(() => undefined);
    this.finish({ phase: 'cancelled' });
  }

  dismiss(): void {
    if (this.view.phase === 'done' || this.view.phase === 'cancelled' || this.view.phase === 'incoming') {
      if (this.view.phase === 'incoming') void this.request?.cancel().catch(() => undefined);
      this.finish({ phase: 'none' });
    }
  }

  private finish(view: VerificationView) {
    this.request = null;
    this.sas = null;
    this.set(view);
  }

  private track(request: VerificationRequest) {
    this.request = request;
    let verifierSeen: Verifier | null = null;
    let sasStarted = false;
    const handler = () => void onChange();
    const onChange = async () => {
      if (this.request !== request) return;
      switch (request.phase) {
        case VerificationPhase.Ready:
          // Whoever asked starts the emoji comparison once the other side accepted.
          if (request.initiatedByMe && !sasStarted) {
            sasStarted = true;
            await request.startVerification('m.sas.v1');
          }
          break;
        case VerificationPhase.Started:
          if (request.verifier && request.verifier !== verifierSeen) {
            verifierSeen = request.verifier;
            this.runVerifier(request.verifier);
          }
          break;
        case VerificationPhase.Done:
          request.off(VerificationRequestEvent.Change, handler);
          this.finish({ phase: 'done' });
          if (this.client && request.initiatedByMe) await completeAfterVerification(this.client);
          break;
        case VerificationPhase.Cancelled:
          request.off(VerificationRequestEvent.Change, handler);
          // A request withdrawn before it was answered here (the other device asked again, or
          // gave up) just goes away.
          this.finish({ phase: this.view.phase === 'incoming' ? 'none' : 'cancelled' });
          break;
      }
    };
    request.on(VerificationRequestEvent.Change, handler);
    void onChange();
  }

  private runVerifier(verifier: Verifier) {
    verifier.on(VerifierEvent.ShowSas, (sas) => {
      this.sas = sas;
      this.set({ phase: 'emoji', emoji: sas.sas.emoji ?? [], answered: false });
    });
    // Rejects on cancel or mismatch; the request's phase says what happened.
    verifier.verify().catch(() => undefined);
  }
}

export const verification = new Verification();
