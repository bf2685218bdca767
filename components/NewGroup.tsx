'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { createGroup } from '@/lib/actions/rooms';
import { useActionError } from './useActionError';
import { ErrorNote } from './ErrorNote';

export function NewGroup({ onDone }: { onDone: (roomId: string | null) => void }) {
  const t = useTranslations('groups');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, run } = useActionError();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const roomId = await run(() => createGroup(name, members.split(',')));
    setBusy(false);
    if (roomId) onDone(roomId);
  }

  return (
    <form className="flex flex-col gap-2 border-b border-slate-200 bg-slate-50 p-3" onSubmit={submit}>
      <h2 className="font-medium">{t('title')}</h2>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('name')}</span>
        <input className="rounded border border-slate-300 px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('members')}</span>
        <input
          className="rounded border border-slate-300 px-2 py-1"
          value={members}
          onChange={(e) => setMembers(e.target.value)}
          autoCapitalize="none"
        />
      </label>
      <ErrorNote error={error} />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-sky-700 px-3 py-1 text-sm text-white disabled:opacity-60">
          {t('create')}
        </button>
        <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
