import { linkifyit, type LinkifyIt } from 'linkify-it';

/** Plain text cut into text and links, for rendering without any HTML. */
export type Segment = { text: string; href?: string };

let finder: LinkifyIt | null = null;

/**
 * Web and mail links in plain text, nothing else: with a scheme, www.…, or an e-mail address
 * (a bare name.tld is too often a file name, such as readme.md).
 */
export function linkSegments(text: string): Segment[] {
  finder ??= linkifyit({ fuzzyLink: true });
  const matches = finder.match(text);
  if (!matches) return [{ text }];
  const segments: Segment[] = [];
  let at = 0;
  for (const m of matches) {
    if (!/^(https?:|mailto:)/i.test(m.url)) continue;
    if (m.schema === '' && !m.raw.toLowerCase().startsWith('www.') && !m.url.startsWith('mailto:')) continue;
    if (m.index > at) segments.push({ text: text.slice(at, m.index) });
    segments.push({ text: m.raw, href: m.url });
    at = m.lastIndex;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
