'use client';
import { useTranslations } from 'next-intl';
import { RowChoices } from './RowChoices';
import type { OutboxRow } from '@/lib/db/types';

/** Edits, reactions and deletions of this message that the homeserver refused: retry or discard, like messages. */
export function IntentProblems({ rows }: { rows?: OutboxRow[] }) {
  const t = useTranslations('message');
  const tErrors = useTranslations('outbox.errors');
  if (!rows?.length) return null;
  return (
    <ul className="flex flex-col gap-0.5 text-xs text-danger" data-testid="intent-problems">
      {rows.map((row) => {
        const what = row.kind === 'redaction' ? t('deleteFailed') : row.relation?.rel === 'replace' ? t('editFailed') : t('reactionFailed');
        return (
          <li key={row.txnId} data-testid="intent-problem">
            {what}
            {row.relation?.key ? ` ${row.relation.key}` : ''}
            {row.error ? ` · ${tErrors(row.error as 'rejected')}` : ''}{' '}
            <RowChoices row={row} />
          </li>
        );
      })}
    </ul>
  );
}
