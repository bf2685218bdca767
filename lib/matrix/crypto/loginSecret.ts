// The password typed at login, held in memory for the few seconds until the first device of
// an account has set up cross-signing (which the homeserver may guard with it). Never stored.
let password: string | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function rememberLoginPassword(value: string): void {
  password = value;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => (password = null), 5 * 60_000);
}

export function takeLoginPassword(): string | null {
  const value = password;
  password = null;
  return value;
}
