'use client';
import { useTranslations } from 'next-intl';

/** The message a reply answers, shown above it; a click scrolls to the original when it is loaded. */
export function ReplyQuote({ original }: { original: { domKey: string; senderName: string; body?: string } | null }) {
  const t = useTranslations('message');
  if (!original) {
    return <p className="mb-1 border-l-2 border-slate-300 pl-2 text-xs italic text-slate-500" data-testid="reply-quote">{t('quoteMissing')}</p>;
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
      className="mb-1 block max-w-full truncate border-l-2 border-sky-600 pl-2 text-left text-xs text-slate-600 hover:bg-slate-50"
      title={t('jumpToOriginal')}
      data-testid="reply-quote"
      onClick={jump}
    >
      <span className="font-medium">{original.senderName}</span>: {original.body ?? '…'}
    </button>
  );
}
