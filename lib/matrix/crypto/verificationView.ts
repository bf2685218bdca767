// What the verification dialog shows, SDK-free so components can read it. The syncing tab's
// controller (verification.ts, loaded with the client) drives it.

export type VerificationView =
  | { phase: 'none' }
  | { phase: 'incoming'; deviceId: string }
  | { phase: 'waiting' }
  | { phase: 'emoji'; emoji: [string, string][]; answered: boolean }
  | { phase: 'done' }
  | { phase: 'cancelled' };

export interface VerificationController {
  start(): Promise<void>;
  accept(): Promise<void>;
  answer(match: boolean): Promise<void>;
  cancel(): Promise<void>;
  dismiss(): void;
}

let view: VerificationView = { phase: 'none' };
let controller: VerificationController | null = null;
const listeners = new Set<() => void>();

export const verificationView = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): VerificationView => view,
  set(next: VerificationView): void {
    view = next;
    for (const l of listeners) l();
  },
  setController(next: VerificationController | null): void {
    controller = next;
  },
  /** The controller, when this tab runs the client (verification needs it). */
  controller: (): VerificationController | null => controller,
};
