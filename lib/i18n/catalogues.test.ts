import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';

type Catalogue = { [key: string]: string | Catalogue };

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(join(__dirname, '../../messages', `${locale}.json`), 'utf8'));
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses ({name}, {count, plural, …}), nested branches included. */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        names.add(el.value);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const catalogues = Object.fromEntries(locales.map((l) => [l, flatten(load(l))]));
const reference = catalogues.en;

describe('message catalogues', () => {
  it('English has messages at all', () => {
    expect(reference.size).toBeGreaterThan(20);
  });

  for (const locale of locales) {
    it(`${locale} has exactly the keys of every other catalogue`, () => {
      const all = new Set(locales.flatMap((l) => [...catalogues[l].keys()]));
      const missing = [...all].filter((k) => !catalogues[locale].has(k));
      expect(missing).toEqual([]);
    });

    it(`${locale} has no empty message`, () => {
      const empty = [...catalogues[locale]].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${locale} messages parse and use the same placeholders as English`, () => {
      const differing: string[] = [];
      for (const [key, message] of catalogues[locale]) {
        const expected = reference.get(key);
        if (expected === undefined) continue;
        if (argumentsOf(message).join() !== argumentsOf(expected).join()) differing.push(key);
      }
      expect(differing).toEqual([]);
    });
  }

  it('the placeholder check sees arguments inside plural branches', () => {
    expect(argumentsOf('{count, plural, one {# by {name}} other {#}}')).toEqual(['count', 'name']);
    expect(argumentsOf('{count, plural, one {geht} other {gehen}}')).toEqual(['count']);
  });
});
