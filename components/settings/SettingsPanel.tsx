'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { logout, recoveryKeySaved, unsentCount } from '@/lib/actions/logout';
import { dataSaverSetting, maxEventsPerRoom, setDataSaver, setMaxEventsPerRoom, storageUsed } from '@/lib/actions/storage';
import type { DataSaverSetting } from '@/lib/db/types';
import { formattingLocale, type Locale } from '@/lib/i18n/locales';
import type { SessionRow } from '@/lib/db/types';
import { DevicesSection } from './DevicesSection';
import { DisplayNameForm } from './DisplayNameForm';
import { ProfilePictureForm } from './ProfilePictureForm';
import { LanguageSwitcher } from './LanguageSwitcher';
import { ThemeSwitcher } from './ThemeSwitcher';
import { NotificationsSetting } from './NotificationsSetting';
import { AppLockSettings } from './AppLockSettings';
import { Dialog } from '../ui/Dialog';

export function SettingsPanel({ session, onClose }: { session: SessionRow; onClose: () => void }) {
  const t = useTranslations('settings');
  const tChat = useTranslations('chat');
  const [busy, setBusy] = useState(false);
  const locale = useLocale() as Locale;
  const [used, setUsed] = useState<number | null>(null);
  const [keep, setKeep] = useState('');
  const [saver, setSaver] = useState<DataSaverSetting>('auto');
  useEffect(() => {
    void storageUsed().then(setUsed);
    void maxEventsPerRoom().then((n) => setKeep(String(n)));
    void dataSaverSetting().then(setSaver);
  }, []);
  async function changeSaver(value: DataSaverSetting) {
    setSaver(value);
    await setDataSaver(value);
  }

  async function saveKeep(e: FormEvent) {
    e.preventDefault();
    const n = Number(keep);
    if (Number.isFinite(n) && n > 0) await setMaxEventsPerRoom(n);
    setKeep(String(await maxEventsPerRoom()));
    setUsed(await storageUsed());
  }

  const size =
    used === null
      ? '–'
      : new Intl.NumberFormat(formattingLocale(locale), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
          used / 1_000_000,
        );

  async function onLogout() {
    const unsent = await unsentCount();
    if (unsent > 0 && !window.confirm(t('logoutConfirmUnsent', { count: unsent }))) return;
    if (!(await recoveryKeySaved()) && !window.confirm(t('logoutRecoveryUnsaved'))) return;
    setBusy(true);
    await logout();
    // A fresh page: no SDK, no open database handles, the login screen.
    location.replace(location.pathname);
  }

  return (
    <Dialog title={t('title')} testId="settings-dialog" onClose={onClose}>
      <p className="text-sm">{t('account', { userId: session.userId })}</p>
      <p className="text-sm text-ink-muted">{t('device', { deviceId: session.deviceId })}</p>
      <ProfilePictureForm userId={session.userId} />
      <DisplayNameForm userId={session.userId} />
      <DevicesSection />
      <LanguageSwitcher />
      <ThemeSwitcher />
      <NotificationsSetting />
      <AppLockSettings userId={session.userId} />
      <p className="text-sm" data-testid="storage-used">
        {t('storage', { size })}
      </p>
      <form className="flex items-end gap-2 text-sm" onSubmit={saveKeep}>
        <label className="flex flex-1 flex-col gap-1">
          <span>{t('maxEvents')}</span>
          <input
            type="number"
            min={50}
            className="rounded border border-line px-2 py-1"
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
          />
        </label>
        <button type="submit" className="rounded border border-line px-3 py-1">
          {t('save')}
        </button>
      </form>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('dataSaver')}</span>
        <select
          className="rounded border border-line px-2 py-1"
          name="dataSaver"
          value={saver}
          onChange={(e) => void changeSaver(e.target.value as DataSaverSetting)}
          aria-describedby="data-saver-hint"
        >
          <option value="auto">{t('dataSaverAuto')}</option>
          <option value="on">{t('dataSaverOn')}</option>
          <option value="off">{t('dataSaverOff')}</option>
        </select>
        <span id="data-saver-hint" className="text-xs text-ink-muted">
          {t('dataSaverHint')}
        </span>
      </label>
      <div className="flex justify-between gap-2">
        <button
          disabled={busy}
          className="rounded bg-danger-fill px-4 py-2 text-white disabled:opacity-60"
          onClick={onLogout}
        >
          {tChat('logout')}
        </button>
        <button className="rounded border border-line px-4 py-2" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
