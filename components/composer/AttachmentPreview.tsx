'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import { sendAttachments } from '@/lib/actions/sendAttachments';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';
import { PaperclipIcon } from '../ui/icons';

/** Files chosen, dropped or pasted, shown before they go: a caption, original quality, Send or Cancel. */
export function AttachmentPreview({
  roomId,
  files,
  initialCaption,
  onDone,
}: {
  roomId: string;
  files: File[];
  initialCaption?: string;
  /** `sent`: queued (else cancelled). */
  onDone: (sent: boolean) => void;
}) {
  const t = useTranslations('media');
  const [caption, setCaption] = useState(initialCaption ?? '');
  const [original, setOriginal] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, run } = useActionError();
  const previews = useMemo(() => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [files]);
  useEffect(() => () => previews.forEach((url) => url && URL.revokeObjectURL(url)), [previews]);
  const hasPicture = files.some((f) => f.type.startsWith('image/'));
  async function send() {
    setBusy(true);
    const ok = await run(async () => (await sendAttachments(roomId, files, { caption, original }), true));
    setBusy(false);
    if (ok) onDone(true);
  }
  return (
    <section aria-label={t('preview')} className="flex flex-col gap-2 rounded border border-line bg-surface-alt p-2 text-sm" data-testid="attachment-preview">
      <ul className="flex flex-wrap gap-2">
        {files.map((file, i) => (
          <li key={`${file.name}-${i}`} className="flex max-w-48 flex-col items-start gap-1">
            {previews[i] ? <img src={previews[i]!} alt="" className="h-20 w-auto rounded object-cover" /> : <PaperclipIcon />}
            <span className="truncate" title={file.name}>
              {file.name} · {t('size', { mb: (file.size / (1024 * 1024)).toFixed(file.size < 1024 * 1024 ? 2 : 1) })}
            </span>
          </li>
        ))}
      </ul>
      <label className="flex flex-col gap-1">
        <span>{t('caption')}</span>
        <input className="rounded border border-line px-2 py-1" name="caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
      </label>
      {hasPicture && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={original} onChange={(e) => setOriginal(e.target.checked)} />
          {t('original')}
        </label>
      )}
      <ErrorNote error={error} />
      <div className="flex gap-2">
        <button type="button" className="rounded bg-brand px-3 py-1 text-white disabled:opacity-60" disabled={busy} onClick={() => void send()}>
          {t('send')}
        </button>
        <button type="button" className="rounded border border-line px-3 py-1" disabled={busy} onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
