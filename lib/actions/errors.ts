// The failures actions report, for screens to show in the user's language.
export { ActionError, LoginError, type ActionErrorCode, type LoginErrorCode } from '../matrix/errors';
