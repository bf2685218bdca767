'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { joinRoomByAddress } from '@/lib/actions/joinRoomByAddress';
import { SidebarForm } from './SidebarForm';

/** Joins a chat by its address (#name:server) or a matrix.to link. */
export function JoinRoom({ onDone }: { onDone: (roomId: string | null) => void }) {
  const t = useTranslations('room');
  const [address, setAddress] = useState('');
  return (
    <SidebarForm title={t('join')} submitLabel={t('joinButton')} cancelLabel={t('cancel')} action={() => joinRoomByAddress(address)} onDone={onDone}>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('joinLabel')}</span>
        <input
          className="rounded border border-line px-2 py-1"
          name="address"
          value={address}
          placeholder="#service:luxchat.lu"
          onChange={(e) => setAddress(e.target.value)}
          autoCapitalize="none"
          autoFocus
        />
      </label>
    </SidebarForm>
  );
}
