import { describe, expect, it } from 'vitest';
import { linkSegments } from './linkify';

describe('linkSegments', () => {
  it('cuts web and mail links out of plain text', () => {
    expect(linkSegments('see https://gouvernement.lu/fr now')).toEqual([
      { text: 'see ' },
      { text: 'https://gouvernement.lu/fr', href: 'https://gouvernement.lu/fr' },
      { text: ' now' },
    ]);
    expect(linkSegments('www.luxembourg.lu')).toEqual([{ text: 'www.luxembourg.lu', href: 'http://www.luxembourg.lu' }]);
    expect(linkSegments('mail info@example.lu')[1]).toEqual({ text: 'info@example.lu', href: 'mailto:info@example.lu' });
    // A bare name.tld is left alone: it is too often a file name.
    expect(linkSegments('see readme.md')).toEqual([{ text: 'see readme.md' }]);
  });

  it('leaves text without links alone, and never makes a javascript: link', () => {
    expect(linkSegments('no links here')).toEqual([{ text: 'no links here' }]);
    expect(linkSegments('javascript:alert(1)').every((s) => !s.href)).toBe(true);
  });
});
