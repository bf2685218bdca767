import { escapeHtml as escape } from './markdown';

/** A user mentioned in a message: their id, and the name the message shows. */
export interface Mention {
  userId: string;
  name: string;
}

export const MATRIX_TO = 'https://matrix.to/#/';


/** A stand-in that Markdown leaves alone (letters only), swapped for the pill afterwards. */
const token = (i: number) => `luxchatmention${i}token`;

/**
 * A message with mentions: the body keeps the names as typed; the HTML gets a pill (a
 * matrix.to link) for each mention still in the text, and the ids go in `m.mentions`.
 * `markdown` turns the text into HTML, or undefined when it formats nothing.
 */
export function withMentions(
  text: string,
  mentions: Mention[],
  markdown: (text: string) => string | undefined,
): { body: string; formattedBody?: string; userIds: string[] } {
  let tokenized = text;
  const used: Mention[] = [];
  for (const mention of mentions) {
    const at = tokenized.indexOf(mention.name);
    if (!mention.name || at < 0) continue;
    tokenized = tokenized.slice(0, at) + token(used.length) + tokenized.slice(at + mention.name.length);
    used.push(mention);
  }
  if (!used.length) return { body: text, formattedBody: markdown(text), userIds: [] };
  let html = markdown(tokenized) ?? escape(tokenized).replace(/\n/g, '<br>');
  used.forEach((mention, i) => {
    html = html.replace(token(i), `<a href="${escape(MATRIX_TO + mention.userId)}">${escape(mention.name)}</a>`);
  });
  return { body: text, formattedBody: html, userIds: [...new Set(used.map((m) => m.userId))] };
}
