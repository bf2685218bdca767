import type { DOMPurify } from 'dompurify';

/**
 * Incoming `formatted_body` HTML, cleaned to what the Matrix spec allows (client-server API,
 * "m.room.message msgtypes": the tags and attributes clients should accept) before it is
 * shown: no script, no event handlers, no styles, links only to http(s), ftp, mailto and
 * magnet, opened in a new tab without an opener. Images are never loaded by themselves (they
 * could only be mxc:// URLs, fetched with the user's token): they show as their alt text.
 * The reply fallback (<mx-reply>) goes; the app shows its own quote.
 */
const TAGS = [
  'font', 'del', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'p', 'a', 'ul', 'ol', 'sup', 'sub', 'li', 'b', 'i',
  'u', 'strong', 'em', 's', 'strike', 'code', 'hr', 'br', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  'pre', 'span', 'details', 'summary',
];

const ATTRIBUTES_BY_TAG: Record<string, string[]> = {
  font: ['data-mx-bg-color', 'data-mx-color', 'color'],
  span: ['data-mx-bg-color', 'data-mx-color', 'data-mx-spoiler'],
  a: ['name', 'target', 'href'],
  ol: ['start'],
  code: ['class'],
};

const LINK = /^(?:https?|ftp|mailto|magnet):/i;
const LANGUAGE_CLASS = /^language-[a-z0-9+#.-]{1,40}$/i;

export function sanitizeMatrixHtml(purify: DOMPurify, html: string): string {
  purify.removeAllHooks();
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const allowed = ATTRIBUTES_BY_TAG[node.nodeName.toLowerCase()] ?? [];
    if (!allowed.includes(data.attrName)) data.keepAttr = false;
    else if (data.attrName === 'class' && !LANGUAGE_CLASS.test(data.attrValue)) data.keepAttr = false;
    else if (data.attrName === 'href' && !LINK.test(data.attrValue.trim())) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  // An image leaves its alt text in its place (inserted before it: the walk has passed there).
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'img') return;
    const image = node as Element;
    const label = image.getAttribute('alt') || image.getAttribute('title') || '';
    if (label) node.parentNode?.insertBefore(node.ownerDocument!.createTextNode(`[${label}]`), node);
  });
  const clean = purify.sanitize(html, {
    ALLOWED_TAGS: TAGS,
    // Every attribute any tag may have; uponSanitizeAttribute narrows it per tag.
    ALLOWED_ATTR: [...new Set(Object.values(ATTRIBUTES_BY_TAG).flat())],
    // DOMPurify's own URI check stays (it also vets attributes like `color`); hrefs are narrowed above.
    FORBID_CONTENTS: ['mx-reply', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'math', 'svg'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
  purify.removeAllHooks();
  return clean;
}
