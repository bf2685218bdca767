'use client';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { avatarUrl, requestAvatar, subscribeAvatars } from '@/lib/media/avatarImages';
import { whenVisible } from './whenVisible';

/** Colours for initials, each with white text at a contrast of at least 4.5:1. */
const COLOURS = ['bg-sky-700', 'bg-emerald-700', 'bg-violet-700', 'bg-rose-700', 'bg-amber-800', 'bg-teal-700', 'bg-indigo-700', 'bg-slate-600'];

/** The same person or room always gets the same colour. */
function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.codePointAt(0)!) | 0;
  return COLOURS[Math.abs(hash) % COLOURS.length];
}

/** One or two letters of a name, skipping the sigils of Matrix ids (@anna:hs → A). */
export function initialsOf(name: string): string {
  const words = name.replace(/^[@#!]/, '').split(/[\s:]+/).filter(Boolean);
  const letters = words.length > 1 && !name.startsWith('@') ? [words[0], words[1]] : [words[0] ?? '?'];
  return letters.map((w) => [...w][0]?.toLocaleUpperCase() ?? '').join('');
}

/**
 * A person's or a room's picture, or their initials while it has none (or it has not loaded).
 * Decorative: the name is always written beside it. The picture is asked for only once the
 * avatar is on screen, so a long room list downloads what the user sees.
 */
export function Avatar({ mxc, name, id, size = 32 }: { mxc?: string; name: string; id: string; size?: number }) {
  const url = useSyncExternalStore(subscribeAvatars, () => avatarUrl(mxc), () => undefined);
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!mxc || url || !element) return;
    return whenVisible(element, () => requestAvatar(mxc));
  }, [mxc, url]);
  const box = { width: size, height: size, fontSize: Math.round(size * 0.42) };
  return (
    <span
      ref={ref}
      aria-hidden="true"
      className={`inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold text-white ${url ? 'bg-slate-200' : colourOf(id)}`}
      style={box}
      data-testid="avatar"
      data-loaded={url ? '' : undefined}
    >
      {url ? <img src={url} alt="" width={size} height={size} className="h-full w-full object-cover" /> : initialsOf(name)}
    </span>
  );
}
