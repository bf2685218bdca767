'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { loadDraft, saveDraft } from '@/lib/actions/drafts';
import { MessageTooLong, sendMessage } from '@/lib/actions/sendMessage';
import { ErrorNote } from './ErrorNote';

/** Enter sends, Shift+Enter starts a new line. The text is cleared only once it is queued. */
export function Composer({ roomId }: { roomId: string }) {
  const t = useTranslations('composer');
  const tErrors = useTranslations('actions.errors');
  const [text, setTextState] = useState(() => (typeof window === 'undefined' ? '' : loadDraft(roomId)));
  const setText = (value: string) => {
    setTextState(value);
    saveDraft(roomId, value);
  };
  const [error, setError] = useState<string | null>(null);

  async function send(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      if (await sendMessage(roomId, text)) setText('');
    } catch (err) {
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
