'use client';
import { useTranslations } from 'next-intl';
import { RowChoices } from '../timeline/RowChoices';
import type { OutboxRow, RoomChange } from '@/lib/db/types';

/** Changes to the room the user made that are not done yet: waiting for the network, or refused (Retry, Discard). */
export function RoomChanges({ rows }: { rows: OutboxRow[] }) {
  const t = useTranslations('room');
  const tErrors = useTranslations('outbox.errors');
  if (!rows.length) return null;
  return (
    <ul className="flex flex-col gap-1 border-b border-line bg-warning-soft px-3 py-2 text-sm" data-testid="room-changes">
      {rows.map((row) => {
        const change = row.kind === 'create' || row.kind === 'joinAddress' ? ({ op: row.kind } as const) : (row.content as unknown as RoomChange);
        const problem = row.state === 'failed' || row.state === 'needs-confirmation';
        return (
          <li key={row.txnId} data-testid="room-change" data-state={row.state}>
            {describe(change, t)} · {problem ? t('failedChange') : t('pendingChange')}
            {row.error ? ` · ${tErrors(row.error as 'rejected')}` : ''}
            {problem && (
              <>
                {' '}
                <RowChoices row={row} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function describe(change: RoomChange | { op: 'create' | 'joinAddress' }, t: ReturnType<typeof useTranslations<'room'>>): string {
  switch (change.op) {
    case 'create':
      return t('changeCreate');
    case 'joinAddress':
      return t('changeJoin');
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
    case 'avatar':
      return t('changeAvatar');
    case 'power':
      return t('changeRole', { userId: change.userId });
    case 'join':
      return t('changeJoin');
    case 'notify':
      return t('changeNotify');
  }
}
