'use client';
import { useTranslations } from 'next-intl';

const initials = (name: string) =>
  name
    .replace(/^@/, '')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

/** Who has read up to this message: their initials (three at most, then +N); the names on hover or press. */
export function ReadReceipts({ readers }: { readers?: { userId: string; name: string }[] }) {
  const t = useTranslations('message');
  if (!readers?.length) return null;
  const label = t('seenBy', { names: readers.map((r) => r.name).join(', ') });
  return (
    // Named by its hidden text, not aria-label: the initials shown are part of what it says.
    <button type="button" className="mt-0.5 flex items-center gap-0.5" title={label} data-testid="read-by">
      <span className="sr-only">{label}</span>
      {readers.slice(0, 3).map((r) => (
        <span key={r.userId} className="flex h-4 w-4 items-center justify-center rounded-full bg-surface-strong text-[9px] font-semibold text-ink" aria-hidden>
          {initials(r.name)}
        </span>
      ))}
      {readers.length > 3 && <span className="text-[10px] text-ink-muted" aria-hidden>+{readers.length - 3}</span>}
    </button>
  );
}
