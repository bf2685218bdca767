// What the verification dialog shows. The syncing tab's controller (verification.ts, loaded with
// the client) drives it and mirrors it to Dexie, where every tab's dialog reads it.
import { setVerificationView } from '../../db/verification';
import type { VerificationView } from '../../db/types';

export type { VerificationView };

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
    void setVerificationView(next).catch(() => undefined); // signed out meanwhile
  },
  setController(next: VerificationController | null): void {
    controller = next;
  },
  /** The controller, when this tab runs the client (verification needs it). */
  controller: (): VerificationController | null => controller,
};
