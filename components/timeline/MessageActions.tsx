'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PICKER_EMOJI, QUICK_REACTIONS } from './emoji';

type Props = Omit<Parameters<typeof ActionsToolbar>[0], 'focusFirst'>;

/**
 * A message's actions, built when first wanted: a timeline of many messages carries one small
 * button each until the user points at a message, focuses it or presses that button.
 */
export function MessageActions(props: Props) {
  const t = useTranslations('message');
  // `focus`: the button had the focus, which moves on to the toolbar's first action.
  const [active, setActive] = useState<false | { focus: boolean }>(false);
  const anchor = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const item = anchor.current?.closest('li');
    if (!item || active) return;
    const activate = () => setActive({ focus: document.activeElement === anchor.current });
    item.addEventListener('mouseenter', activate);
    item.addEventListener('focusin', activate);
    return () => {
      item.removeEventListener('mouseenter', activate);
      item.removeEventListener('focusin', activate);
    };
  }, [active]);
  if (active) return <ActionsToolbar {...props} focusFirst={active.focus} />;
  return (
    <button
      ref={anchor}
      type="button"
      aria-label={t('actions')}
      className="rounded px-1.5 text-xs text-ink-muted opacity-0 hover:bg-surface-strong focus-visible:opacity-100 group-hover:opacity-100"
      onClick={() => setActive({ focus: true })}
    >
      ⋯
    </button>
  );
}

/**
 * What can be done with a message: reply, react (a quick set and a picker), and for the
 * user's own messages (or anyone's, with the power to) edit and delete, after a confirmation.
 * Shown when the message is hovered or has focus.
 */
function ActionsToolbar({
  canEdit,
  canDelete,
  onReply,
  onEdit,
  onDelete,
  onReact,
  focusFirst,
}: {
  focusFirst?: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onReact: (key: string) => void;
}) {
  const t = useTranslations('message');
  const [picker, setPicker] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusFirst) bar.current?.querySelector('button')?.focus();
    // Once, as it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const button = 'rounded px-1.5 py-0.5 text-xs hover:bg-surface-strong focus-visible:bg-surface-strong';
  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label={t('actions')}
      data-testid="message-actions"
      className={`flex flex-wrap items-center gap-0.5 text-ink-muted ${picker ? 'opacity-100' : 'opacity-0 group-hover:opacity-100 group-focus-within:opacity-100'}`}
    >
      {QUICK_REACTIONS.map((key) => (
        <button key={key} type="button" className={button} aria-label={`${t('react')} ${key}`} data-testid="quick-reaction" data-key={key} onClick={() => onReact(key)}>
          {key}
        </button>
      ))}
      <button type="button" className={button} aria-expanded={picker} onClick={() => setPicker((v) => !v)}>
        {t('moreEmoji')}
      </button>
      <button type="button" className={button} data-testid="reply" onClick={onReply}>
        {t('reply')}
      </button>
      {canEdit && (
        <button type="button" className={button} data-testid="edit" onClick={onEdit}>
          {t('edit')}
        </button>
      )}
      {canDelete && (
        <button type="button" className={button} data-testid="delete" onClick={() => setConfirming(true)}>
          {t('delete')}
        </button>
      )}
      {picker && (
        <div className="grid w-full grid-cols-8 gap-0.5 rounded border border-line bg-surface p-1" data-testid="emoji-picker">
          {PICKER_EMOJI.map((key) => (
            <button
              key={key}
              type="button"
              className={`${button} text-base`}
              aria-label={`${t('react')} ${key}`}
              onClick={() => {
                setPicker(false);
                onReact(key);
              }}
            >
              {key}
            </button>
          ))}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('deleteTitle')}
          text={t('deleteText')}
          confirm={t('deleteConfirm')}
          cancel={t('cancel')}
          onConfirm={onDelete}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
