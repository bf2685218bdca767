'use client';
import { useTranslations } from 'next-intl';

export interface Candidate {
  userId: string;
  displayName: string;
}

/** The people who match what follows an "@" in the composer; the highlighted one is picked with Enter or Tab. */
export function MentionSuggestions({ candidates, active, onPick }: { candidates: Candidate[]; active: number; onPick: (c: Candidate) => void }) {
  const t = useTranslations('composer');
  if (!candidates.length) return null;
  return (
    <ul role="listbox" id="mention-suggestions" aria-label={t('mentionSuggestions')} className="rounded border border-line bg-surface text-sm shadow" data-testid="mention-suggestions">
      {candidates.map((c, i) => (
        <li
          key={c.userId}
          id={`mention-${i}`}
          role="option"
          aria-selected={i === active}
          className={`cursor-pointer px-3 py-1 ${i === active ? 'bg-brand-soft' : ''}`}
          // Before the textarea loses focus.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(c);
          }}
        >
          <span className="font-medium">{c.displayName}</span> <span className="text-ink-muted">{c.userId}</span>
        </li>
      ))}
    </ul>
  );
}
