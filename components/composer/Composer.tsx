'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { loadDraft, saveDraft } from '@/lib/actions/drafts';
import { editMessage } from '@/lib/actions/editMessage';
import { MessageTooLong, type Mention } from '@/lib/actions/messageText';
import { sendMessage } from '@/lib/actions/sendMessage';
import { sendReply } from '@/lib/actions/sendReply';
import { typingNotifier } from '@/lib/actions/typing';
import { ErrorNote } from '../ui/ErrorNote';
import { useMembers } from '../hooks';
import { NEW_MESSAGE, type ComposeMode } from './composeMode';
import { MentionSuggestions, type Candidate } from './MentionSuggestions';
import { AttachmentPreview } from './AttachmentPreview';
import { VoiceRecorder } from './VoiceRecorder';
import { announceMessageSent } from './messageSent';
import { PaperclipIcon } from '../ui/icons';

/** An "@" and what follows it, right before the caret: a mention being typed. */
const MENTION_QUERY = /(^|\s)@([^\s@]{0,40})$/;
const MAX_SUGGESTIONS = 6;

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
  const tMedia = useTranslations('media');
  // Files chosen, dropped or pasted: previewed above the box until sent or cancelled.
  const [files, setFiles] = useState<File[]>([]);
  const attach = (list: FileList) => {
    // Copied now: the input is emptied right after, and its list with it.
    const added = Array.from(list);
    setFiles((chosen) => [...chosen, ...added]);
  };
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
  // Mentions picked for the message being written; sent with it.
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [query, setQuery] = useState<{ start: number; end: number; text: string } | null>(null);
  const [active, setActive] = useState(0);
  const members = useMembers(roomId);
  const candidates: Candidate[] = useMemo(() => {
    if (!query || !members) return [];
    const q = query.text.toLowerCase();
    return members
      .filter((m) => m.membership === 'join' && (m.displayName.toLowerCase().includes(q) || m.userId.toLowerCase().includes(q)))
      .slice(0, MAX_SUGGESTIONS);
  }, [query, members]);
  const findQuery = (value: string, caret: number) => {
    const match = MENTION_QUERY.exec(value.slice(0, caret));
    setQuery(match ? { start: caret - match[2].length - 1, end: caret, text: match[2] } : null);
    setActive(0);
  };
  const pick = (c: Candidate) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}${c.displayName} ${text.slice(query.end)}`;
    setText(next);
    setMentions((list) => [...list, { userId: c.userId, name: c.displayName }]);
    setQuery(null);
    const caret = query.start + c.displayName.length + 1;
    requestAnimationFrame(() => box.current?.setSelectionRange(caret, caret));
  };
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
    const mentioned = mentions;
    setMentions([]);
    setQuery(null);
    // Taken out at once: a second Enter finds nothing left to queue twice.
    setTextState('');
    current.current = '';
    typing.stopped();
    if (sending.kind !== 'new') onModeChange(NEW_MESSAGE);
    try {
      if (sending.kind === 'edit') await editMessage(roomId, sending.message, queued, mentioned);
      else if (sending.kind === 'reply') await sendReply(roomId, queued, sending.to, mentioned);
      else await sendMessage(roomId, queued, mentioned);
      announceMessageSent();
      // The draft is what was typed since, if anything.
      if (sending.kind !== 'edit') saveDraft(roomId, current.current);
    } catch (err) {
      // Nothing lost: the unsent text goes back in front of whatever was typed since.
      setMentions(mentioned);
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
    if (candidates.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        pick(candidates[active] ?? candidates[0]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setQuery(null);
        return;
      }
    }
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
    <form
      className="flex flex-col gap-1 border-t border-line p-3"
      onSubmit={send}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        attach(e.dataTransfer.files);
      }}
    >
      <ErrorNote error={error} />
      {files.length > 0 && <AttachmentPreview roomId={roomId} files={files} onDone={() => setFiles([])} />}
      {mode.kind !== 'new' && (
        <div className="flex items-center gap-2 rounded bg-surface-alt px-2 py-1 text-sm" data-testid="compose-mode">
          <span className="min-w-0 flex-1 truncate">
            {mode.kind === 'reply' ? (
              <>
                <span className="font-medium">{tMessage('replyingTo', { name: mode.senderName })}</span>: {mode.body}
              </>
            ) : (
              tMessage('editing')
            )}
          </span>
          <button type="button" className="text-link underline" onClick={() => onModeChange(NEW_MESSAGE)}>
            {tMessage('cancel')}
          </button>
        </div>
      )}
      <MentionSuggestions candidates={candidates} active={active} onPick={pick} />
      <div className="flex gap-2">
        <label className="flex cursor-pointer items-center rounded border border-line px-3 focus-within:ring-2 focus-within:ring-focus" title={tMedia('attach')}>
          <PaperclipIcon />
          <input
            type="file"
            multiple
            className="sr-only"
            aria-label={tMedia('attach')}
            data-testid="attach-input"
            onChange={(e) => {
              if (e.target.files?.length) attach(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <textarea
          ref={box}
          className="min-h-10 flex-1 resize-none rounded border border-line px-3 py-2"
          rows={1}
          aria-label={t('label')}
          placeholder={t('placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            findQuery(e.target.value, e.target.selectionStart);
          }}
          aria-autocomplete="list"
          aria-controls={candidates.length ? 'mention-suggestions' : undefined}
          aria-activedescendant={candidates.length ? `mention-${active}` : undefined}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            if (!e.clipboardData.files.length) return;
            e.preventDefault();
            attach(e.clipboardData.files);
          }}
        />
        {!editing && <VoiceRecorder roomId={roomId} />}
        <button type="submit" className="rounded bg-brand px-4 py-2 text-white">
          {editing ? tMessage('edit') : t('send')}
        </button>
      </div>
    </form>
  );
}
