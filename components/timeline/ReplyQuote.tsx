'use client';
import { useTranslations } from 'next-intl';

/** The message a reply answers, shown above it; a click scrolls to the original when it is loaded. */
export function ReplyQuote({ original }: { original: { domKey: string; senderName: string; body?: string } | null }) {
  const t = useTranslations('message');
  if (!original) {
    return <p className="mb-1 border-l-2 border-line pl-2 text-xs italic text-ink-muted" data-testid="reply-quote">{t('quoteMissing')}</p>;
  }
  const jump = () => {
    const target = document.querySelector<HTMLElement>(`[data-message-key="${CSS.escape(original.domKey)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };
  return (
    <button
      type="button"
      className="mb-1 block max-w-full truncate border-l-2 border-brand pl-2 text-left text-xs text-ink-muted hover:bg-surface-alt"
      title={t('jumpToOriginal')}
      data-testid="reply-quote"
      onClick={jump}
    >
      <span className="font-medium">{original.senderName}</span>: {original.body ?? '…'}
    </button>
  );
}
