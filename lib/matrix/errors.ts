import type { SendFailure } from '../outbox/retryPolicy';

/** Keys under `login.errors` in the message catalogues. */
export type LoginErrorCode =
  | 'emptyFields'
  | 'invalidHomeserver'
  | 'unreachable'
  | 'notMatrix'
  | 'wrongPassword'
  | 'deactivated'
  | 'rateLimited'
  | 'serverError'
  | 'noLoginMethod'
  | 'ssoFailed';

export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    /** For rateLimited: how many seconds to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'LoginError';
  }
}

/** Keys under `actions.errors`: why something needing the homeserver did not happen. */
export type ActionErrorCode =
  | 'offline'
  | 'invalidUserId'
  | 'userNotFound'
  | 'forbidden'
  | 'notReady'
  | 'failed'
  | 'wrongRecoveryKey'
  | 'wrongPassword'
  | 'noSyncingTab'
  | 'notAllowed'
  | 'roomNotFound'
  | 'invalidRoomAddress'
  | 'invalidDisplayName'
  | 'notAnImage'
  | 'pictureTooLarge'
  | 'emptyFile'
  | 'fileTooLarge'
  | 'brokenMedia'
  | 'recordingTooShort'
  | 'noMicrophone'
  | 'cancelled';

export class ActionError extends Error {
  /** `values`: what the localised message shows (a file's name, a size limit). */
  constructor(
    readonly code: ActionErrorCode,
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'ActionError';
  }
}

interface HttpLikeError {
  name?: string;
  httpStatus?: number;
  errcode?: string;
  data?: { retry_after_ms?: unknown };
}

/** Reads matrix-js-sdk's MatrixError / ConnectionError without importing the SDK. */
export function describeSdkError(error: unknown): SendFailure {
  const e = (error ?? {}) as HttpLikeError;
  if (typeof e.httpStatus !== 'number') return {};
  const retry = e.data?.retry_after_ms;
  return {
    status: e.httpStatus,
    errcode: e.errcode,
    retryAfterMs: typeof retry === 'number' ? retry : undefined,
  };
}
