'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { startDirectMessage } from '@/lib/actions/startDirectMessage';
import { SidebarForm } from './SidebarForm';

export function NewDirectMessage({ onDone }: { onDone: (roomId: string | null) => void }) {
  const t = useTranslations('dm');
  const [userId, setUserId] = useState('');
  return (
    <SidebarForm title={t('title')} submitLabel={t('start')} cancelLabel={t('cancel')} action={() => startDirectMessage(userId)} onDone={onDone}>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('userIdLabel')}</span>
        <input
          className="rounded border border-line px-2 py-1"
          name="userId"
          value={userId}
          placeholder={t('userIdPlaceholder')}
          onChange={(e) => setUserId(e.target.value)}
          autoCapitalize="none"
          autoFocus
        />
      </label>
    </SidebarForm>
  );
}
