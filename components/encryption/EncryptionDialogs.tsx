'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import {
  acceptVerification,
  acknowledgeRecoveryKey,
  answerEmoji,
  cancelVerification,
  dismissVerification,
  startSelfVerification,
  verifyWithRecoveryKey,
} from '@/lib/actions/encryption';
import { Dialog, primaryButton, secondaryButton } from '../ui/Dialog';
import { useCryptoStatus, useVerification } from '../hooks';
import { useActionError } from '../ui/useActionError';
import { ErrorNote } from '../ui/ErrorNote';

/** Whichever encryption step needs the user now: save the recovery key, verify, compare emoji. */
export function EncryptionDialogs() {
  const status = useCryptoStatus();
  const view = useVerification();
  const [later, setLater] = useState(false);
  if (view.phase !== 'none') return <VerificationDialog />;
  if (status?.pendingRecoveryKey) return <RecoveryKeyDialog recoveryKey={status.pendingRecoveryKey} />;
  if (status?.state === 'needs-verification' && !later) return <VerifyDeviceDialog onLater={() => setLater(true)} />;
  return null;
}

function RecoveryKeyDialog({ recoveryKey }: { recoveryKey: string }) {
  const t = useTranslations('encryption');
  const [copied, setCopied] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([recoveryKey + '\n'], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'luxchat-recovery-key.txt' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Dialog title={t('recoveryTitle')} testId="recovery-key-dialog">
      <p className="text-sm">{t('recoveryText')}</p>
      <code data-testid="recovery-key" className="select-all break-words rounded bg-slate-100 p-3 text-center font-mono text-sm">
        {recoveryKey}
      </code>
      <div className="flex flex-wrap gap-2">
        <button
          className={secondaryButton}
          onClick={() => navigator.clipboard.writeText(recoveryKey).then(() => setCopied(true), () => undefined)}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <button className={secondaryButton} onClick={download}>
          {t('download')}
        </button>
        <button className={primaryButton} onClick={() => void acknowledgeRecoveryKey()}>
          {t('saved')}
        </button>
      </div>
    </Dialog>
  );
}

function VerifyDeviceDialog({ onLater }: { onLater: () => void }) {
  const t = useTranslations('encryption');
  const [withKey, setWithKey] = useState(false);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, run } = useActionError();

  async function submitKey(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await run(() => verifyWithRecoveryKey(key));
    setBusy(false);
  }

  return (
    <Dialog title={t('verifyTitle')} testId="verify-device-dialog">
      <p className="text-sm">{t('verifyText')}</p>
      {withKey ? (
        <form className="flex flex-col gap-2" onSubmit={submitKey}>
          <label className="flex flex-col gap-1 text-sm">
            <span>{t('keyLabel')}</span>
            <input
              className="rounded border border-slate-300 px-2 py-1 font-mono"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <button type="submit" disabled={busy} className={primaryButton}>
            {t('keySubmit')}
          </button>
        </form>
      ) : (
        <div className="flex flex-col gap-2">
          <button className={primaryButton} onClick={() => void run(startSelfVerification)}>
            {t('withDevice')}
          </button>
          <button className={secondaryButton} onClick={() => setWithKey(true)}>
            {t('withKey')}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
      <button className="self-end text-sm text-slate-600 underline" onClick={onLater}>
        {t('later')}
      </button>
    </Dialog>
  );
}

function VerificationDialog() {
  const t = useTranslations('encryption');
  const view = useVerification();
  const { error, run } = useActionError();
  let body: React.ReactNode = null;
  switch (view.phase) {
    case 'incoming':
      body = (
        <>
          <p className="text-sm">{t('incomingText', { deviceId: view.deviceId })}</p>
          <div className="flex gap-2">
            <button className={primaryButton} onClick={() => void run(acceptVerification)}>
              {t('accept')}
            </button>
            <button className={secondaryButton} onClick={() => dismissVerification()}>
              {t('decline')}
            </button>
          </div>
        </>
      );
      break;
    case 'waiting':
      body = (
        <>
          <p className="text-sm">{t('waiting')}</p>
          <button className={secondaryButton} onClick={() => void run(cancelVerification)}>
            {t('cancel')}
          </button>
        </>
      );
      break;
    case 'emoji':
      body = (
        <>
          <p className="text-sm">{t('compareText')}</p>
          <ol className="grid grid-cols-4 gap-2 text-center" data-testid="sas-emoji">
            {/* Glyphs only: the SDK names them in English, while screen readers name emoji in the user's own language. */}
            {view.emoji.map(([emoji], i) => (
              <li key={i} className="text-4xl">
                {emoji}
              </li>
            ))}
          </ol>
          <div className="flex gap-2">
            <button disabled={view.answered} className={primaryButton} onClick={() => void run(() => answerEmoji(true))}>
              {t('match')}
            </button>
            <button disabled={view.answered} className={secondaryButton} onClick={() => void run(() => answerEmoji(false))}>
              {t('noMatch')}
            </button>
          </div>
        </>
      );
      break;
    case 'done':
    case 'cancelled':
      body = (
        <>
          <p className="text-sm" data-testid="verification-result">
            {view.phase === 'done' ? t('done') : t('cancelled')}
          </p>
          <button className={secondaryButton} onClick={() => dismissVerification()}>
            {t('close')}
          </button>
        </>
      );
      break;
  }
  const title = view.phase === 'incoming' ? t('incomingTitle') : view.phase === 'emoji' ? t('compareTitle') : t('verifyTitle');
  return (
    <Dialog title={title} testId="verification-dialog">
      {body}
      <ErrorNote error={error} />
    </Dialog>
  );
}
