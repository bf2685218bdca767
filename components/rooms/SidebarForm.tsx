'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';

/** The sidebar's small forms that create or open a room: fields, a localised error, submit/cancel. */
export function SidebarForm({
  title,
  submitLabel,
  cancelLabel,
  action,
  onDone,
  children,
}: {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  /** Resolves with the room to open. */
  action: () => Promise<string>;
  onDone: (roomId: string | null) => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const { error, run } = useActionError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const roomId = await run(action);
    setBusy(false);
    if (roomId) onDone(roomId);
  }

  return (
    <form className="flex flex-col gap-2 border-b border-line bg-surface-alt p-3" onSubmit={submit}>
      <h2 className="font-medium">{title}</h2>
      {children}
      <ErrorNote error={error} />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-brand px-3 py-1 text-sm text-white disabled:opacity-60">
          {submitLabel}
        </button>
        <button type="button" className="rounded border border-line px-3 py-1 text-sm" onClick={() => onDone(null)}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
