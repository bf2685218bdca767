'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import {
  acceptVerification,
  askVerificationAgain,
  acknowledgeRecoveryKey,
  answerEmoji,
  cancelVerification,
  dismissVerification,
  postponeVerification,
  recoveryKeyToShow,
  startSelfVerification,
  verifyWithRecoveryKey,
} from '@/lib/actions/encryption';
import { Dialog, primaryButton, secondaryButton } from '../ui/Dialog';
import { useCryptoStatus, useVerification } from '../hooks';
import { useActionError } from '../ui/useActionError';
import { ErrorNote } from '../ui/ErrorNote';
import { copySecret } from '@/lib/clipboard';

/**
 * Whichever encryption step needs the user now, as a dialog: verify this device (asked once;
 * after "later" the banner reminds instead), compare emoji. Rendered at the page's root, so
 * that it shows whichever pane is on screen.
 */
export function EncryptionDialogs() {
  const status = useCryptoStatus();
  const view = useVerification();
  const keyShown = useSyncExternalStore(onRecoveryKeyShown, recoveryKeyShown, () => false);
  if (view.phase !== 'none') return <VerificationDialog />;
  // The recovery key: when the user asks, from its reminder.
  if (status?.recoveryKeyPending) return keyShown ? <RecoveryKeyDialog /> : null;
  if (status?.state === 'needs-verification' && !status.verificationPostponed) {
    return <VerifyDeviceDialog onLater={() => void postponeVerification()} />;
  }
  return null;
}

/**
 * The reminders, in the room list's column (never over the conversation or the composer):
 * save the recovery key, or verify this device once the question was postponed.
 */
export function EncryptionBanner() {
  const status = useCryptoStatus();
  const view = useVerification();
  const [hidden, setHidden] = useState(false);
  if (view.phase !== 'none') return null;
  if (status?.recoveryKeyPending) return <RecoveryKeyReminder />;
  if (hidden || status?.state !== 'needs-verification' || !status.verificationPostponed) return null;
  return <VerifyBanner onVerify={() => void askVerificationAgain()} onHide={() => setHidden(true)} />;
}

const bannerStyle = 'flex flex-col gap-2 border-b border-line bg-warning-soft p-3 text-sm text-warning';

function VerifyBanner({ onVerify, onHide }: { onVerify: () => void; onHide: () => void }) {
  const t = useTranslations('encryption');
  return (
    <div role="region" aria-label={t('verifyTitle')} data-testid="verify-banner" className={bannerStyle}>
      <p>{t('verifyBanner')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button className={primaryButton} onClick={onVerify}>
          {t('verifyNow')}
        </button>
        <button className="underline" onClick={onHide}>
          {t('hideBanner')}
        </button>
      </div>
    </div>
  );
}

// Whether the user asked to see the recovery key: the reminder (in the room list's column) asks,
// the dialog shows at the page's root (the column is hidden on a phone while a room is open).
let keyAsked = false;
const keyListeners = new Set<() => void>();
const recoveryKeyShown = () => keyAsked;
function onRecoveryKeyShown(listener: () => void) {
  keyListeners.add(listener);
  return () => keyListeners.delete(listener);
}
function showRecoveryKey(shown = true) {
  keyAsked = shown;
  for (const listener of keyListeners) listener();
}

/**
 * The recovery key waits behind a reminder until the user opens it: the account is set up in
 * the background after the first login, and a dialog popping up then would take the screen
 * from whatever the user is doing. Opened, it is modal and stays until the key is saved.
 */
function RecoveryKeyReminder() {
  const t = useTranslations('encryption');
  return (
    <div role="region" aria-label={t('recoveryTitle')} data-testid="recovery-key-banner" className={bannerStyle}>
      <p>{t('recoveryBanner')}</p>
      <button className={`${primaryButton} self-start`} onClick={() => showRecoveryKey()}>
        {t('recoveryShow')}
      </button>
    </div>
  );
}

function RecoveryKeyDialog() {
  const t = useTranslations('encryption');
  const [copied, setCopied] = useState(false);
  // The key is never stored: the syncing tab holds it in memory and hands it over to be shown.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const { error, run } = useActionError();
  useEffect(() => {
    void run(async () => setRecoveryKey(await recoveryKeyToShow()));
    // Once per opening; `run` is a new function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const download = () => {
    if (!recoveryKey) return;
    const url = URL.createObjectURL(new Blob([recoveryKey + '\n'], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'luxchat-recovery-key.txt' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    // A choice is required: Escape does not close it.
    <Dialog title={t('recoveryTitle')} testId="recovery-key-dialog">
      <p className="text-sm">{t('recoveryText')}</p>
      {recoveryKey ? (
        <code data-testid="recovery-key" className="select-all break-words rounded bg-surface-alt p-3 text-center font-mono text-sm">
          {recoveryKey}
        </code>
      ) : (
        <p role="status" className="rounded bg-surface-alt p-3 text-center text-sm">
          {t('recoveryPreparing')}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="flex flex-wrap gap-2">
        <button
          className={secondaryButton}
          disabled={!recoveryKey}
          onClick={() => recoveryKey && copySecret(recoveryKey).then(() => setCopied(true), () => undefined)}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <button className={secondaryButton} disabled={!recoveryKey} onClick={download}>
          {t('download')}
        </button>
        <button className={primaryButton} disabled={!recoveryKey} onClick={() => void acknowledgeRecoveryKey()}>
          {t('saved')}
        </button>
        {/* No key to show (no tab reaches the homeserver): the reminder stays, to try later. */}
        {error && !recoveryKey && (
          <button className={secondaryButton} onClick={() => showRecoveryKey(false)}>
            {t('close')}
          </button>
        )}
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
