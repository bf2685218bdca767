import { runCommand } from '../matrix/remote';

/** Fetches the history missing at a gap (the syncing tab does it, for any tab); resolves true once the gap is gone. */
export function fillGap(gapId: number): Promise<boolean> {
  return runCommand('fillGap', gapId);
}
