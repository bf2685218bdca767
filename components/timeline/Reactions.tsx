'use client';
import { useTranslations } from 'next-intl';
import type { ReactionSummary } from '@/lib/db/localEcho';

/** The reactions on a message; each one toggles the user's own reaction with that emoji. */
export function Reactions({ reactions, onToggle }: { reactions?: ReactionSummary[]; onToggle: (reaction: ReactionSummary) => void }) {
  const t = useTranslations('message');
  if (!reactions?.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1" data-testid="reactions">
      {reactions.map((r) => (
        <li key={r.key}>
          <button
            type="button"
            aria-pressed={r.mine !== undefined}
            aria-label={t('reactionLabel', { key: r.key, count: r.count })}
            data-testid="reaction"
            data-key={r.key}
            className={`rounded-full border px-2 text-xs ${r.mine ? 'border-brand bg-brand-soft' : 'border-line'}`}
            onClick={() => onToggle(r)}
          >
            {r.key} {r.count}
          </button>
        </li>
      ))}
    </ul>
  );
}
