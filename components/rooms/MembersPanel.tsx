'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { inviteToRoom } from '@/lib/actions/inviteToRoom';
import { removeMember } from '@/lib/actions/removeMember';
import { may, mayChangeRole, roleOf, ROLE_LEVELS, type Role } from '@/lib/actions/roomPermissions';
import { setMemberRole } from '@/lib/actions/setMemberRole';
import type { RoomRow } from '@/lib/db/types';
import { useMembers } from '../hooks';
import { VerifiedBadge } from '../encryption/VerifiedBadge';
import { Avatar } from '../ui/Avatar';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';

/** Who is in the room, their roles and whether we verified them; inviting, and removing for those allowed. */
export function MembersPanel({ room, me, onClose }: { room: RoomRow; me: string; onClose: () => void }) {
  const t = useTranslations('members');
  const tRoom = useTranslations('room');
  const members = useMembers(room.roomId);
  const { error, run } = useActionError();
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const canKick = may(room, 'kick');
  const myLevel = room.myPowerLevel ?? 0;
  return (
    <aside aria-label={t('title')} data-testid="members" className="flex max-h-80 flex-col gap-2 overflow-y-auto border-b border-line bg-surface-alt p-3 text-sm">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{t('title')}</h3>
        <button className="text-ink-muted underline" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <InviteForm roomId={room.roomId} />
      <ul className="flex flex-col gap-1">
        {members?.map((m) => {
          const role = roleOf(m.powerLevel);
          return (
            <li key={m.userId} className="flex items-center justify-between gap-2" data-user-id={m.userId}>
              <Avatar mxc={m.avatarUrl} name={m.displayName} id={m.userId} size={28} />
              <span className="min-w-0 flex-1 truncate">
                {m.displayName} <span className="text-ink-muted">{m.userId}</span>
                {role && <span className="ml-1 rounded bg-surface-strong px-1 text-xs" data-testid="member-role">{tRoom(role)}</span>}
                {m.membership === 'invite' && <span className="text-ink-muted"> · {t('invited')}</span>}
              </span>
              <span className="flex items-center gap-2">
                <VerifiedBadge verified={m.verified} testId="member-verification" />
                {mayChangeRole(room, { powerLevel: m.powerLevel, isMe: m.userId === me }, 0) && (
                  <RoleSelect
                    label={`${tRoom('role')}: ${m.displayName}`}
                    current={roleOf(m.powerLevel) ?? 'member'}
                    maxLevel={myLevel}
                    onChange={(role) => void run(() => setMemberRole(room.roomId, m.userId, role, me))}
                  />
                )}
                {canKick && m.userId !== me && (m.powerLevel ?? 0) < myLevel && (
                  <button className="text-xs text-danger underline" onClick={() => setRemoving({ userId: m.userId, name: m.displayName })}>
                    {tRoom('remove')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <ErrorNote error={error} />
      {removing && (
        <ConfirmDialog
          title={tRoom('removeTitle', { name: removing.name })}
          text={tRoom('removeText')}
          confirm={tRoom('remove')}
          cancel={tRoom('cancel')}
          onConfirm={() => void run(() => removeMember(room.roomId, removing.userId))}
          onClose={() => setRemoving(null)}
        />
      )}
    </aside>
  );
}

/** The roles the user may give (none above their own level). */
function RoleSelect({ label, current, maxLevel, onChange }: { label: string; current: Role; maxLevel: number; onChange: (role: Role) => void }) {
  const t = useTranslations('room');
  const roles = (Object.keys(ROLE_LEVELS) as Role[]).filter((r) => ROLE_LEVELS[r] <= maxLevel || r === current);
  return (
    <select
      aria-label={label}
      className="rounded border border-line bg-surface px-1 py-0.5 text-xs"
      value={current}
      onChange={(e) => onChange(e.target.value as Role)}
      data-testid="member-role-select"
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </select>
  );
}

function InviteForm({ roomId }: { roomId: string }) {
  const t = useTranslations('room');
  const [userId, setUserId] = useState('');
  const [sent, setSent] = useState(false);
  const { error, run } = useActionError();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSent(false);
    if ((await run(async () => (await inviteToRoom(roomId, userId), true))) === true) {
      setSent(true);
      setUserId('');
    }
  }
  return (
    <form className="flex flex-col gap-1" onSubmit={submit}>
      <label className="flex flex-col gap-1">
        <span>{t('inviteLabel')}</span>
        <span className="flex gap-2">
          <input className="flex-1 rounded border border-line px-2 py-1" name="invite" value={userId} placeholder="@name:luxchat.lu" onChange={(e) => setUserId(e.target.value)} autoCapitalize="none" />
          <button type="submit" className="rounded bg-brand px-3 py-1 text-white">
            {t('invite')}
          </button>
        </span>
      </label>
      {sent && <span className="text-success">{t('invited')}</span>}
      <ErrorNote error={error} />
    </form>
  );
}
