import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './markdown';

describe('formatMarkdown', () => {
  it('sends plain text without HTML', () => {
    expect(formatMarkdown('Moien, wéi geet et?')).toEqual({ body: 'Moien, wéi geet et?' });
    expect(formatMarkdown('two\nlines')).toEqual({ body: 'two\nlines' });
    expect(formatMarkdown('a < b & c')).toEqual({ body: 'a < b & c' });
  });

  it('formats bold, italic, code, lists, quotes, code blocks and links', () => {
    expect(formatMarkdown('**urgent** and *soon*').formattedBody).toBe('<strong>urgent</strong> and <em>soon</em>');
    expect(formatMarkdown('run `npm test`').formattedBody).toBe('run <code>npm test</code>');
    expect(formatMarkdown('- one\n- two').formattedBody).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(formatMarkdown('> quoted').formattedBody).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(formatMarkdown('```\ncode\n```').formattedBody).toBe('<pre><code>code\n</code></pre>');
    expect(formatMarkdown('[site](https://gouvernement.lu)').formattedBody).toBe('<a href="https://gouvernement.lu">site</a>');
    expect(formatMarkdown('see https://gouvernement.lu').formattedBody).toBe('see <a href="https://gouvernement.lu">https://gouvernement.lu</a>');
  });

  it('keeps typed HTML as text and makes no javascript: link', () => {
    expect(formatMarkdown('**x** <script>alert(1)</script>').formattedBody).toBe('<strong>x</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(formatMarkdown('[x](javascript:alert(1)) **b**').formattedBody).not.toContain('href="javascript');
  });
});
