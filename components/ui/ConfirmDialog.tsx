'use client';
import { Dialog } from './Dialog';

/** A modal question with a confirm and a cancel button; Escape cancels. */
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
  return (
    <Dialog title={title} testId="confirm-dialog" onClose={onClose}>
      <p className="text-sm text-ink-muted">{text}</p>
      <div className="flex justify-end gap-2">
        <button className="rounded border border-line px-4 py-2" onClick={onClose} autoFocus>
          {cancel}
        </button>
        <button
          className="rounded bg-danger-fill px-4 py-2 text-white"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
