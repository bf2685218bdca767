// What the login screen asks before anyone signs in: light (no SDK, no Dexie), loaded once the
// screen runs.
export { loginFlows, ssoIconUrl, type LoginFlows, type SsoProvider } from '../matrix/sso/loginFlows';
export { beginSso } from '../matrix/sso/ssoRoundTrip';
