import MarkdownIt from 'markdown-it';

/** What a typed message becomes: its text, and HTML only when the Markdown formats something. */
export interface FormattedText {
  body: string;
  formattedBody?: string;
}

type Parser = InstanceType<typeof MarkdownIt>;
let parser: Parser | null = null;

function markdown(): Parser {
  if (parser) return parser;
  // Raw HTML typed by the user is text, not markup; single line breaks stay line breaks, as in
  // any chat; URLs become links. Images would need mxc:// URLs: not from Markdown.
  parser = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
  parser.disable(['image']);
  return parser;
}

/** Text as HTML text (also for attribute values). */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Markdown (bold, italic, code, code blocks, lists, quotes, links) to the HTML Matrix sends as
 * `formatted_body`. Plain text stays plain: no HTML is sent when it would say the same.
 */
export function formatMarkdown(text: string): FormattedText {
  const html = markdown().render(text).trim();
  const plain = `<p>${escapeHtml(text).replace(/\n/g, '<br>\n')}</p>`;
  if (html === plain) return { body: text };
  // One paragraph needs no <p> around it.
  const single = html.startsWith('<p>') && html.endsWith('</p>') && html.indexOf('<p>', 1) === -1 ? html.slice(3, -4) : html;
  return { body: text, formattedBody: single };
}
