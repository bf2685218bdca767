'use client';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (the native <dialog> opened with showModal): focus moves in and is trapped,
 * the page behind is inert, and focus returns to the opener when it closes. With `onClose`,
 * Escape closes it; without, it waits for a choice (saving the recovery key, say).
 * `testId` names it for the tests.
 */
export function Dialog({
  title,
  children,
  testId,
  onClose,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  onClose?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  const close = useRef(onClose);
  close.current = onClose;
  // Layout effects: opened before it paints, closed before React removes it, so that the
  // browser's own focus handling sees it in the page.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    unmounting.current = false;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      unmounting.current = true;
      dialog?.close();
      // Back to whatever opened it, if it is still there.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  // Open while mounted: the parent closes it by unmounting it. Escape (or the browser closing it
  // on its own) asks the parent, or, where a choice is required, opens it again.
  const onNativeClose = () => {
    if (unmounting.current) return;
    if (close.current) close.current();
    else ref.current?.showModal();
  };
  return (
    <dialog
      ref={ref}
      aria-label={title}
      data-testid={testId}
      className="m-auto max-h-[90dvh] w-[calc(100%-2rem)] max-w-md overflow-y-auto rounded-lg border border-line bg-surface p-5 text-ink shadow-xl backdrop:bg-slate-950/50"
      onCancel={(e) => {
        if (!close.current) e.preventDefault();
      }}
      onClose={onNativeClose}
    >
      <div className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

export const primaryButton = 'rounded bg-brand px-4 py-2 text-white disabled:opacity-60';
export const secondaryButton = 'rounded border border-line px-4 py-2 disabled:opacity-60';
