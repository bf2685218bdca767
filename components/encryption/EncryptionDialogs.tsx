'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import {
  acceptVerification,
  acknowledgeRecoveryKey,
  answerEmoji,
  cancelVerification,
  dismissVerification,
  postponeVerification,
  startSelfVerification,
  verifyWithRecoveryKey,
} from '@/lib/actions/encryption';
import { Dialog, primaryButton, secondaryButton } from '../ui/Dialog';
import { useCryptoStatus, useVerification } from '../hooks';
import { useActionError } from '../ui/useActionError';
import { ErrorNote } from '../ui/ErrorNote';

/**
 * Whichever encryption step needs the user now: save the recovery key, verify, compare emoji.
 * An unverified device is asked once; after "later", a banner reminds the user instead.
 */
export function EncryptionDialogs() {
  const status = useCryptoStatus();
  const view = useVerification();
  const [asked, setAsked] = useState(false);
  const [bannerHidden, setBannerHidden] = useState(false);
  if (view.phase !== 'none') return <VerificationDialog />;
  if (status?.pendingRecoveryKey) return <RecoveryKeyDialog recoveryKey={status.pendingRecoveryKey} />;
  if (status?.state !== 'needs-verification') return null;
  if (asked || !status.verificationPostponed) {
    return (
      <VerifyDeviceDialog
        onLater={() => {
          setAsked(false);
          void postponeVerification();
        }}
      />
    );
  }
  if (bannerHidden) return null;
  return <VerifyBanner onVerify={() => setAsked(true)} onHide={() => setBannerHidden(true)} />;
}

function VerifyBanner({ onVerify, onHide }: { onVerify: () => void; onHide: () => void }) {
  const t = useTranslations('encryption');
  return (
    <div role="region" aria-label={t('verifyTitle')} data-testid="verify-banner" className="fixed inset-x-0 bottom-0 z-30 flex flex-wrap items-center gap-3 border-t border-line bg-warning-soft px-4 py-2 text-sm text-warning">
      <p className="flex-1">{t('verifyBanner')}</p>
      <button className={primaryButton} onClick={onVerify}>
        {t('verifyNow')}
      </button>
      <button className="underline" onClick={onHide}>
        {t('hideBanner')}
      </button>
    </div>
  );
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
    // Shown while the account is being set up: not modal, so the app stays usable until it is saved.
    <Dialog title={t('recoveryTitle')} testId="recovery-key-dialog" modal={false}>
      <p className="text-sm">{t('recoveryText')}</p>
      <code data-testid="recovery-key" className="select-all break-words rounded bg-surface-alt p-3 text-center font-mono text-sm">
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
    <Dialog title={t('verifyTitle')} testId="verify-device-dialog" onClose={onLater}>
      <p className="text-sm">{t('verifyText')}</p>
      {withKey ? (
        <form className="flex flex-col gap-2" onSubmit={submitKey}>
          <label className="flex flex-col gap-1 text-sm">
            <span>{t('keyLabel')}</span>
            <input
              className="rounded border border-line px-2 py-1 font-mono"
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
      <button className="self-end text-sm text-ink-muted underline" onClick={onLater}>
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
  // Escape declines, cancels or closes; comparing the emoji needs an answer.
  const onEscape =
    view.phase === 'incoming' || view.phase === 'done' || view.phase === 'cancelled'
      ? dismissVerification
      : view.phase === 'waiting'
        ? () => void run(cancelVerification)
        : undefined;
  return (
    <Dialog title={title} testId="verification-dialog" onClose={onEscape}>
      {body}
      <ErrorNote error={error} />
    </Dialog>
  );
}
