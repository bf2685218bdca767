'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { sendVoiceMessage } from '@/lib/actions/sendVoiceMessage';
import { ActionError } from '@/lib/actions/errors';
import { NoMicrophone, startRecording, type ActiveRecording } from '@/lib/media/voiceRecorder';
import { ErrorNote } from '../ui/ErrorNote';
import { useActionError } from '../ui/useActionError';
import { MicrophoneIcon } from '../ui/icons';

/** Tap to record a voice message, tap "Send" to stop and send it (or "Cancel"). */
export function VoiceRecorder({ roomId }: { roomId: string }) {
  const t = useTranslations('voice');
  const [recording, setRecording] = useState<ActiveRecording | null>(null);
  const [seconds, setSeconds] = useState(0);
  const { error, run } = useActionError();
  const current = useRef<ActiveRecording | null>(null);
  useEffect(() => () => current.current?.cancel(), []);
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setSeconds(Math.floor(recording.elapsed() / 1000)), 250);
    return () => clearInterval(timer);
  }, [recording]);
  async function start() {
    await run(async () => {
      try {
        const active = await startRecording(() => void stop());
        current.current = active;
        setSeconds(0);
        setRecording(active);
      } catch (e) {
        throw e instanceof NoMicrophone ? new ActionError('noMicrophone') : e;
      }
    });
  }
  async function stop() {
    const active = current.current;
    if (!active) return;
    current.current = null;
    setRecording(null);
    const take = await active.stop();
    await run(() => sendVoiceMessage(roomId, take, t('body')));
  }
  function cancel() {
    current.current?.cancel();
    current.current = null;
    setRecording(null);
  }
  if (!recording) {
    return (
      <span className="flex flex-col">
        <button type="button" className="rounded border border-line px-3 py-2" aria-label={t('record')} title={t('record')} onClick={() => void start()}>
          <MicrophoneIcon />
        </button>
        <ErrorNote error={error} />
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2 text-sm" data-testid="voice-recording" role="status">
      <span className="text-danger" aria-hidden="true">●</span>
      <span>{t('recording', { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` })}</span>
      <button type="button" className="rounded bg-brand px-3 py-1 text-white" onClick={() => void stop()}>
        {t('send')}
      </button>
      <button type="button" className="rounded border border-line px-3 py-1" onClick={cancel}>
        {t('cancel')}
      </button>
    </span>
  );
}
