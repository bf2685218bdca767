'use client';
import { useId, useRef, useState } from 'react';
import { Avatar } from './Avatar';
import { ErrorNote } from './ErrorNote';
import { useActionError } from './useActionError';

/**
 * A picture (the user's or a room's) with "Choose a picture" and "Remove the picture". The
 * choice is handed to `onPick`, which prepares and queues it; a refusal shows localised.
 */
export function PictureField({
  label,
  chooseLabel,
  removeLabel,
  mxc,
  name,
  id,
  disabled,
  onPick,
  children,
}: {
  label: string;
  chooseLabel: string;
  removeLabel: string;
  mxc?: string;
  name: string;
  id: string;
  disabled?: boolean;
  onPick: (file: File | null) => Promise<void>;
  children?: React.ReactNode;
}) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { error, run } = useActionError();
  const pick = async (file: File | null) => {
    setBusy(true);
    await run(() => onPick(file));
    setBusy(false);
    if (input.current) input.current.value = '';
  };
  return (
    <fieldset className="flex flex-col gap-1 text-sm" data-testid="picture-field">
      <legend className="mb-1">{label}</legend>
      <div className="flex items-center gap-3">
        <Avatar mxc={mxc} name={name} id={id} size={56} />
        <label htmlFor={inputId} className={`rounded border border-line bg-surface px-3 py-1 focus-within:ring-2 focus-within:ring-focus ${disabled || busy ? 'opacity-60' : 'cursor-pointer'}`}>
          {chooseLabel}
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="image/*"
            className="sr-only"
            disabled={disabled || busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void pick(file);
            }}
          />
        </label>
        {mxc && (
          <button type="button" className="text-ink-muted underline disabled:opacity-60" disabled={disabled || busy} onClick={() => void pick(null)}>
            {removeLabel}
          </button>
        )}
      </div>
      {children}
      <ErrorNote error={error} />
    </fieldset>
  );
}
