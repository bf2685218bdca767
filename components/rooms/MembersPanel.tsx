'use client';
import { useTranslations } from 'next-intl';
import { useMembers } from '../hooks';
import { VerifiedBadge } from '../encryption/VerifiedBadge';

/** Who is in the room, and whether we verified them. */
export function MembersPanel({ roomId, onClose }: { roomId: string; onClose: () => void }) {
  const t = useTranslations('members');
  const members = useMembers(roomId);
  return (
    <aside aria-label={t('title')} data-testid="members" className="flex max-h-64 flex-col gap-2 overflow-y-auto border-b border-slate-200 bg-slate-50 p-3 text-sm">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{t('title')}</h3>
        <button className="text-slate-600 underline" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <ul className="flex flex-col gap-1">
        {members?.map((m) => (
          <li key={m.userId} className="flex items-center justify-between gap-2" data-user-id={m.userId}>
            <span className="truncate">
              {m.displayName} <span className="text-slate-500">{m.userId}</span>
              {m.membership === 'invite' && <span className="text-slate-500"> · {t('invited')}</span>}
            </span>
            <VerifiedBadge verified={m.verified} testId="member-verification" />
          </li>
        ))}
      </ul>
    </aside>
  );
}
