'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { loadDraft, saveDraft } from '@/lib/actions/drafts';
import { editMessage } from '@/lib/actions/editMessage';
import { MessageTooLong } from '@/lib/actions/messageText';
import { sendMessage } from '@/lib/actions/sendMessage';
import { sendReply } from '@/lib/actions/sendReply';
import { typingNotifier } from '@/lib/actions/typing';
import { ErrorNote } from '../ui/ErrorNote';
import { NEW_MESSAGE, type ComposeMode } from './composeMode';

/**
 * Enter sends, Shift+Enter starts a new line. The text leaves the composer as it is handed to
 * the outbox, so what is typed meanwhile stays; should queueing fail, it comes back. In reply
 * mode a banner names the message answered; in edit mode the message's text is in the box,
 * Enter saves it and Escape gives the draft back. Up in an empty box edits the last message.
 */
export function Composer({
  roomId,
  mode,
  onModeChange,
  onEditLast,
}: {
  roomId: string;
  mode: ComposeMode;
  onModeChange: (mode: ComposeMode) => void;
  onEditLast: () => void;
}) {
  const t = useTranslations('composer');
  const tMessage = useTranslations('message');
  const tErrors = useTranslations('actions.errors');
  const [text, setTextState] = useState(() => (typeof window === 'undefined' ? '' : loadDraft(roomId)));
  const editing = mode.kind === 'edit';
  const typing = useMemo(() => typingNotifier(roomId), [roomId]);
  useEffect(() => () => typing.stopped(), [typing]);
  const setText = (value: string) => {
    setTextState(value);
    typing.typed(value);
    // The draft is what the user writes, not a message being edited.
    if (!editing) saveDraft(roomId, value);
  };
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // The composer's text as of the last keystroke, for sends that finish after more typing.
  const current = useRef(text);
  current.current = text;

  // Entering a mode puts the cursor in the box; editing puts the message's text there, and
  // leaving an edit gives the draft back.
  const modeKey = mode.kind === 'edit' ? `edit:${JSON.stringify(mode.message)}` : mode.kind === 'reply' ? `reply:${JSON.stringify(mode.to)}` : 'new';
  const previousKind = useRef(mode.kind);
  useEffect(() => {
    if (mode.kind === 'edit') setTextState(mode.body);
    else if (previousKind.current === 'edit') setTextState(loadDraft(roomId));
    previousKind.current = mode.kind;
    if (mode.kind !== 'new') box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modeKey]);

  async function send(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    const queued = text;
    if (!queued.trim()) return;
    const sending = mode;
    // Taken out at once: a second Enter finds nothing left to queue twice.
    setTextState('');
    current.current = '';
    typing.stopped();
    if (sending.kind !== 'new') onModeChange(NEW_MESSAGE);
    try {
      if (sending.kind === 'edit') await editMessage(roomId, sending.message, queued);
      else if (sending.kind === 'reply') await sendReply(roomId, queued, sending.to);
      else await sendMessage(roomId, queued);
      // The draft is what was typed since, if anything.
      if (sending.kind !== 'edit') saveDraft(roomId, current.current);
    } catch (err) {
      // Nothing lost: the unsent text goes back in front of whatever was typed since.
      const restored = current.current ? `${queued}\n${current.current}` : queued;
      if (sending.kind === 'edit') onModeChange({ ...sending, body: restored });
      else {
        onModeChange(sending);
        setTextState(restored);
        saveDraft(roomId, restored);
      }
      setError(err instanceof MessageTooLong ? t('tooLong') : tErrors('failed'));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    } else if (e.key === 'Escape' && mode.kind !== 'new') {
      e.preventDefault();
      onModeChange(NEW_MESSAGE);
    } else if (e.key === 'ArrowUp' && !text && mode.kind === 'new') {
      e.preventDefault();
      onEditLast();
    }
  }

  return (
    <form className="flex flex-col gap-1 border-t border-slate-200 p-3" onSubmit={send}>
      <ErrorNote error={error} />
      {mode.kind !== 'new' && (
        <div className="flex items-center gap-2 rounded bg-slate-100 px-2 py-1 text-sm" data-testid="compose-mode">
          <span className="min-w-0 flex-1 truncate">
            {mode.kind === 'reply' ? (
              <>
                <span className="font-medium">{tMessage('replyingTo', { name: mode.senderName })}</span>: {mode.body}
              </>
            ) : (
              tMessage('editing')
            )}
          </span>
          <button type="button" className="text-sky-700 underline" onClick={() => onModeChange(NEW_MESSAGE)}>
            {tMessage('cancel')}
          </button>
        </div>
      )}
      <div className="flex gap-2">
        <textarea
          ref={box}
          className="min-h-10 flex-1 resize-none rounded border border-slate-300 px-3 py-2"
          rows={1}
          aria-label={t('label')}
          placeholder={t('placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="rounded bg-sky-700 px-4 py-2 text-white">
          {editing ? tMessage('edit') : t('send')}
        </button>
      </div>
    </form>
  );
}
