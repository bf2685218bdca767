'use client';

/** A localised failure message next to what failed; nothing when there is none. */
export function ErrorNote({ error, testId }: { error: string | null | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <p role="alert" data-testid={testId} className="text-sm text-danger">
      {error}
    </p>
  );
}
