import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './markdown';
import { withMentions } from './mentions';

const markdown = (text: string) => formatMarkdown(text).formattedBody;
const anna = { userId: '@anna:luxchat.lu', name: 'Anna Muller' };

describe('withMentions', () => {
  it('makes a pill of each mention still in the text, and lists the ids', () => {
    expect(withMentions('Anna Muller, can you check?', [anna], markdown)).toEqual({
      body: 'Anna Muller, can you check?',
      formattedBody: '<a href="https://matrix.to/#/@anna:luxchat.lu">Anna Muller</a>, can you check?',
      userIds: ['@anna:luxchat.lu'],
    });
  });

  it('keeps Markdown around the pills, and drops a mention whose name was deleted', () => {
    expect(withMentions('**Anna Muller** please', [anna, { userId: '@bob:hs', name: 'Bob' }], markdown)).toEqual({
      body: '**Anna Muller** please',
      formattedBody: '<strong><a href="https://matrix.to/#/@anna:luxchat.lu">Anna Muller</a></strong> please',
      userIds: ['@anna:luxchat.lu'],
    });
    expect(withMentions('no one', [anna], markdown)).toEqual({ body: 'no one', formattedBody: undefined, userIds: [] });
  });

  it('escapes a hostile display name', () => {
    const evil = { userId: '@x:hs', name: '<img src=x onerror=alert(1)>' };
    expect(withMentions(`hi ${evil.name}`, [evil], markdown).formattedBody).toBe('hi <a href="https://matrix.to/#/@x:hs">&lt;img src=x onerror=alert(1)&gt;</a>');
  });
});
