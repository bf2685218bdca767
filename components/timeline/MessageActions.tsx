'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PICKER_EMOJI, QUICK_REACTIONS } from './emoji';

/**
 * What can be done with a message: reply, react (a quick set and a picker), and for the
 * user's own messages (or anyone's, with the power to) edit and delete, after a confirmation.
 * Shown when the message is hovered or has focus.
 */
export function MessageActions({
  canEdit,
  canDelete,
  onReply,
  onEdit,
  onDelete,
  onReact,
}: {
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
  const button = 'rounded px-1.5 py-0.5 text-xs hover:bg-slate-200 focus-visible:bg-slate-200';
  return (
    <div
      role="toolbar"
      aria-label={t('actions')}
      data-testid="message-actions"
      className={`flex flex-wrap items-center gap-0.5 text-slate-600 ${picker ? 'opacity-100' : 'opacity-0 group-hover:opacity-100 group-focus-within:opacity-100'}`}
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
        <div className="grid w-full grid-cols-8 gap-0.5 rounded border border-slate-200 bg-white p-1" data-testid="emoji-picker">
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
