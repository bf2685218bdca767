'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { logout, unsentCount } from '@/lib/actions/logout';
import type { SessionRow } from '@/lib/db/types';
import { LanguageSwitcher } from './LanguageSwitcher';

export function SettingsPanel({ session, onClose }: { session: SessionRow; onClose: () => void }) {
  const t = useTranslations('settings');
  const tChat = useTranslations('chat');
  const [busy, setBusy] = useState(false);

  async function onLogout() {
    const unsent = await unsentCount();
    if (unsent > 0 && !window.confirm(t('logoutConfirmUnsent', { count: unsent }))) return;
    setBusy(true);
    await logout();
    // A fresh page: no SDK, no open database handles, the login screen.
    location.replace(location.pathname);
  }

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="settings-title" className="fixed inset-0 flex items-center justify-center bg-black/30 p-4">
      <div className="flex w-full max-w-md flex-col gap-4 rounded-lg bg-white p-5 shadow-lg">
        <h2 id="settings-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm">{t('account', { userId: session.userId })}</p>
        <p className="text-sm text-slate-500">{t('device', { deviceId: session.deviceId })}</p>
        <LanguageSwitcher />
        <div className="flex justify-between gap-2">
          <button
            disabled={busy}
            className="rounded bg-red-700 px-4 py-2 text-white disabled:opacity-60"
            onClick={onLogout}
          >
            {tChat('logout')}
          </button>
          <button className="rounded border border-slate-300 px-4 py-2" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
