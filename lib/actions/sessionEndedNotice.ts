// Read by the login screen, which must load neither Dexie nor the SDK: web storage only.
import { SESSION_ENDED_FLAG } from '../matrix/sessionBus';

/** Whether the login screen should say that the homeserver ended the previous session. */
export function sessionEndedNotice(): boolean {
  try {
    return localStorage.getItem(SESSION_ENDED_FLAG) === '1';
  } catch {
    return false;
  }
}

export function dismissSessionEndedNotice(): void {
  try {
    localStorage.removeItem(SESSION_ENDED_FLAG);
  } catch {
    // nothing to forget
  }
}
