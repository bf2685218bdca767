'use client';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { loadDraft, saveDraft } from '@/lib/actions/drafts';
import { MessageTooLong, sendMessage } from '@/lib/actions/sendMessage';
import { ErrorNote } from './ErrorNote';

/**
 * Enter sends, Shift+Enter starts a new line. The text leaves the composer as it is handed to
 * the outbox, so what is typed meanwhile stays; should queueing fail, it comes back.
 */
export function Composer({ roomId }: { roomId: string }) {
  const t = useTranslations('composer');
  const tErrors = useTranslations('actions.errors');
  const [text, setTextState] = useState(() => (typeof window === 'undefined' ? '' : loadDraft(roomId)));
  const setText = (value: string) => {
    setTextState(value);
    saveDraft(roomId, value);
  };
  const [error, setError] = useState<string | null>(null);
  // The composer's text as of the last keystroke, for sends that finish after more typing.
  const current = useRef(text);
  current.current = text;

  async function send(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    const queued = text;
    if (!queued.trim()) return;
    // Taken out at once: a second Enter finds nothing left to queue twice.
    setTextState('');
    current.current = '';
    try {
      await sendMessage(roomId, queued);
      // The draft is what was typed since, if anything.
      saveDraft(roomId, current.current);
    } catch (err) {
      // Nothing lost: the unsent text goes back in front of whatever was typed since.
      const restored = current.current ? `${queued}\n${current.current}` : queued;
      setText(restored);
      setError(err instanceof MessageTooLong ? t('tooLong') : tErrors('failed'));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <form className="flex flex-col gap-1 border-t border-slate-200 p-3" onSubmit={send}>
      <ErrorNote error={error} />
      <div className="flex gap-2">
        <textarea
          className="min-h-10 flex-1 resize-none rounded border border-slate-300 px-3 py-2"
          rows={1}
          aria-label={t('label')}
          placeholder={t('placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="rounded bg-sky-700 px-4 py-2 text-white">
          {t('send')}
        </button>
      </div>
    </form>
  );
}
