// Fixed loopback ports for the test run (the demo uses 8008 and 3000, so both can run at once).
export const HOMESERVER_PORT = 18008;
export const APP_PORT = 14173;
export const HOMESERVER_URL = `http://127.0.0.1:${HOMESERVER_PORT}`;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
