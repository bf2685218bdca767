'use client';
import { useEffect, useRef } from 'react';

/**
 * A modal question with a confirm and a cancel button (the native <dialog>: focus moves in and
 * is trapped, Escape cancels, focus returns to the opener).
 */
export function ConfirmDialog({
  title,
  text,
  confirm,
  cancel,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      className="max-w-sm rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
      data-testid="confirm-dialog"
      onClose={onClose}
    >
      <h2 id="confirm-title" className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-4 text-sm text-slate-700">{text}</p>
      <div className="flex justify-end gap-2">
        <button className="rounded border border-slate-300 px-4 py-2" onClick={() => ref.current?.close()} autoFocus>
          {cancel}
        </button>
        <button
          className="rounded bg-red-700 px-4 py-2 text-white"
          onClick={() => {
            onConfirm();
            ref.current?.close();
          }}
        >
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
