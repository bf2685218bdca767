'use client';
import { useTranslations } from 'next-intl';
import { confirmMessage, discardMessage, retryMessage } from '@/lib/actions/outbox';
import type { OutboxRow, RoomChange } from '@/lib/db/types';

/** Changes to the room the user made that are not done yet: waiting for the network, or refused (Retry, Discard). */
export function RoomChanges({ rows }: { rows: OutboxRow[] }) {
  const t = useTranslations('room');
  const tTimeline = useTranslations('timeline');
  const tErrors = useTranslations('outbox.errors');
  if (!rows.length) return null;
  return (
    <ul className="flex flex-col gap-1 border-b border-slate-200 bg-amber-50 px-3 py-2 text-sm" data-testid="room-changes">
      {rows.map((row) => {
        const change = row.content as unknown as RoomChange;
        const problem = row.state === 'failed' || row.state === 'needs-confirmation';
        return (
          <li key={row.txnId} data-testid="room-change" data-state={row.state}>
            {describe(change, t)} · {problem ? t('failedChange') : t('pendingChange')}
            {row.error ? ` · ${tErrors(row.error as 'rejected')}` : ''}
            {problem && (
              <>
                {' '}
                <button className="underline" onClick={() => void (row.state === 'failed' ? retryMessage(row.txnId) : confirmMessage(row.txnId))}>
                  {row.state === 'failed' ? tTimeline('retry') : tTimeline('sendAnyway')}
                </button>{' '}
                <button className="underline" onClick={() => void discardMessage(row.txnId)}>
                  {tTimeline('discard')}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function describe(change: RoomChange, t: ReturnType<typeof useTranslations<'room'>>): string {
  switch (change.op) {
    case 'invite':
      return t('changeInvite', { userId: change.userId });
    case 'kick':
      return t('changeKick', { userId: change.userId });
    case 'leave':
      return t('changeLeave');
    case 'name':
      return t('changeName', { value: change.value });
    case 'topic':
      return t('changeTopic');
  }
}
