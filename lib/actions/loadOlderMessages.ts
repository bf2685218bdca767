import { runCommand } from '../matrix/remote';

/**
 * Fetches about `count` events older than the oldest stored (the syncing tab does it, for any
 * tab); resolves false once the start of the room has been reached.
 */
export function loadOlderMessages(roomId: string, count: number): Promise<boolean> {
  return runCommand('loadOlder', roomId, count);
}
