import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { HOSTILE_HTML } from './hostileHtml.fixture';
import { sanitizeMatrixHtml } from './sanitizeHtml';

const { window } = new JSDOM('');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const clean = (html: string) => sanitizeMatrixHtml(purify, html);

/** The cleaned HTML as a tree, to look at what is left. */
function parse(html: string) {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll('*')];
}

describe('sanitizeMatrixHtml', () => {
  it('keeps the formatting the spec allows', () => {
    expect(clean('<strong>bold</strong> <em>it</em> <code>x</code><ul><li>one</li></ul><blockquote>q</blockquote><pre><code class="language-ts">let a</code></pre>')).toBe(
      '<strong>bold</strong> <em>it</em> <code>x</code><ul><li>one</li></ul><blockquote>q</blockquote><pre><code class="language-ts">let a</code></pre>',
    );
  });

  it('opens links in a new tab without an opener, and keeps only web, mail and magnet links', () => {
    expect(clean('<a href="https://gouvernement.lu">site</a>')).toBe('<a href="https://gouvernement.lu" target="_blank" rel="noopener noreferrer">site</a>');
    expect(clean('<a href="mailto:info@example.lu">mail</a>')).toContain('href="mailto:info@example.lu"');
    expect(clean('<a href="ftp://files.example.lu/x">f</a>')).toContain('href="ftp://');
    expect(clean('<a href="file:///etc/passwd">f</a>')).not.toContain('href');
  });

  it('drops the reply fallback, styles, classes other than a code language, and loads no image', () => {
    expect(clean('<mx-reply><blockquote>In reply to</blockquote></mx-reply>the answer')).toBe('the answer');
    expect(clean('<p style="color:red" class="x">p</p>')).toBe('<p>p</p>');
    expect(clean('<code class="evil">c</code>')).toBe('<code>c</code>');
    expect(clean('<img src="mxc://hs/abc" alt="site photo">')).toBe('[site photo]');
    expect(clean('<font data-mx-color="#ff0000" color="red">red</font>')).toBe('<font data-mx-color="#ff0000" color="red">red</font>');
  });

  it(`leaves nothing that runs in any of the ${HOSTILE_HTML.length} hostile payloads`, () => {
    expect(HOSTILE_HTML.length).toBeGreaterThanOrEqual(40);
    const allowed = new Set(['FONT', 'DEL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'P', 'A', 'UL', 'OL', 'SUP', 'SUB', 'LI', 'B', 'I', 'U', 'STRONG', 'EM', 'S', 'STRIKE', 'CODE', 'HR', 'BR', 'DIV', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'CAPTION', 'PRE', 'SPAN', 'DETAILS', 'SUMMARY']);
    for (const payload of HOSTILE_HTML) {
      const out = clean(payload);
      for (const element of parse(out)) {
        expect(allowed.has(element.tagName), `${payload} → ${out}`).toBe(true);
        for (const attribute of element.getAttributeNames()) {
          expect(attribute.startsWith('on'), `${payload} → ${out}`).toBe(false);
          expect(attribute, `${payload} → ${out}`).not.toBe('style');
        }
        const href = element.getAttribute('href');
        if (href !== null) expect(href, `${payload} → ${out}`).toMatch(/^(https?|ftp|mailto|magnet):/i);
      }
      expect(out.toLowerCase()).not.toContain('<script');
    }
  });

  it('keeps the readable text of broken markup', () => {
    expect(clean('<p>unclosed <b>bold <i>italic')).toBe('<p>unclosed <b>bold <i>italic</i></b></p>');
    expect(clean('<mx-reply>x</mx-reply>real text')).toBe('real text');
  });
});
