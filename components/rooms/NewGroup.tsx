'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { createGroup } from '@/lib/actions/createGroup';
import { SidebarForm } from './SidebarForm';

export function NewGroup({ onDone }: { onDone: (roomId: string | null) => void }) {
  const t = useTranslations('groups');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  return (
    <SidebarForm
      title={t('title')}
      submitLabel={t('create')}
      cancelLabel={t('cancel')}
      action={() => createGroup(name, members.split(','))}
      onDone={onDone}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('name')}</span>
        <input className="rounded border border-line px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('members')}</span>
        <input className="rounded border border-line px-2 py-1" value={members} onChange={(e) => setMembers(e.target.value)} autoCapitalize="none" />
      </label>
    </SidebarForm>
  );
}
