/**
 * A new recovery key, held by the syncing tab in memory only until the user has saved it: it
 * is shown (to any tab that asks), never written to the device. A reload before it was saved
 * loses it, and the next request to show it makes a new one (encryptionSetup.ts).
 */
let held: string | null = null;

export function holdRecoveryKey(encoded: string): void {
  held = encoded;
}

export function heldRecoveryKey(): string | null {
  return held;
}

export function forgetRecoveryKey(): void {
  held = null;
}
