'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { downloadAttachment } from '@/lib/actions/downloadAttachment';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';

/**
 * A picture at full size, over everything (the native modal <dialog>: focus moves in, Escape
 * closes, focus returns to the picture). The full picture is fetched (and decrypted) only now;
 * until it is there, the thumbnail shows.
 */
/** How far a vertical swipe must go to close the lightbox. */
const SWIPE_PX = 80;

export function Lightbox({ content, alt, thumbnail, onClose }: { content: Record<string, unknown>; alt: string; thumbnail?: string; onClose: () => void }) {
  const t = useTranslations('media');
  const ref = useRef<HTMLDialogElement>(null);
  const [full, setFull] = useState<string | null>(null);
  const { error, run } = useActionError();
  // A swipe down or up of the picture closes it, as on a phone's gallery.
  const swipeFrom = useRef<number | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    void run(() => downloadAttachment(content)).then((blob) => {
      if (!blob || !live) return;
      url = URL.createObjectURL(blob);
      setFull(url);
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // Fetched once per opening: the content does not change while the lightbox is open.
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={alt}
      className="max-h-[95vh] max-w-[95vw] bg-transparent p-0 backdrop:bg-slate-950/85"
      data-testid="lightbox"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog itself, not the picture) closes it.
        if (e.target === ref.current) ref.current?.close();
      }}
      onPointerDown={(e) => (swipeFrom.current = e.clientY)}
      onPointerUp={(e) => {
        if (swipeFrom.current !== null && Math.abs(e.clientY - swipeFrom.current) > SWIPE_PX) ref.current?.close();
        swipeFrom.current = null;
      }}
    >
      <div className="flex flex-col items-center gap-2">
        {(full ?? thumbnail) && (
          <img src={full ?? thumbnail} alt={alt} className="max-h-[85vh] max-w-[95vw] object-contain" data-testid="lightbox-image" data-full={full ? '' : undefined} />
        )}
        <ErrorNote error={error} />
        <button className="rounded bg-surface px-4 py-1 text-ink" onClick={() => ref.current?.close()} autoFocus>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
