'use client';
import { useTranslations } from 'next-intl';
import { confirmMessage, discardMessage, retryMessage } from '@/lib/actions/outbox';
import type { OutboxRow } from '@/lib/db/types';

/** What the user may do with a refused row (Retry) or one held for confirmation (Send anyway): that, or Discard. */
export function RowChoices({ row }: { row: OutboxRow }) {
  const t = useTranslations('timeline');
  const held = row.state === 'needs-confirmation';
  return (
    <>
      <button className="underline" onClick={() => void (held ? confirmMessage(row.txnId) : retryMessage(row.txnId))}>
        {held ? t('sendAnyway') : t('retry')}
      </button>{' '}
      <button className="underline" onClick={() => void discardMessage(row.txnId)}>
        {t('discard')}
      </button>
    </>
  );
}
