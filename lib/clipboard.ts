/** How long a copied secret may stay on the clipboard. */
export const SECRET_ON_CLIPBOARD_MS = 60_000;

/**
 * Copies a secret (the recovery key) and clears the clipboard a minute later, where the browser
 * lets the page write to it then (it must still have focus). Where reading is already granted,
 * it clears only if the secret is still there, not something copied since; reading is never
 * asked for (a permission prompt a minute later would puzzle the user).
 */
export async function copySecret(secret: string, clearAfterMs = SECRET_ON_CLIPBOARD_MS): Promise<void> {
  await navigator.clipboard.writeText(secret);
  setTimeout(() => void clearIfStill(secret), clearAfterMs);
}

async function clearIfStill(secret: string): Promise<void> {
  try {
    const read = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName }).catch(() => null);
    if (read?.state === 'granted' && (await navigator.clipboard.readText()) !== secret) return;
    await navigator.clipboard.writeText('');
  } catch {
    // No focus, or no clipboard access: nothing more this page can do.
  }
}
