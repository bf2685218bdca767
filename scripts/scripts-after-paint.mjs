// The pre-rendered login form paints with the HTML and its stylesheet alone; the framework's
// scripts only make it work. Requested from the head, as Next emits them, they share a slow
// phone connection with the stylesheet and hold back the first paint (Lighthouse's simulated
// LCP counts every request made before it). This step, run by `npm run build` after
// `next build`, turns each page's external scripts into inert data blocks and appends one small
// loader that requests them once the first paint is on screen, or at once when the first paint does
// not matter: a hidden tab, or a device that was signed in (the chats come from the scripts).
// Script preloads go for the same reason. The data blocks and the loader end the head, after the
// head script that sets the signed-in hint: a signed-in start requests every script while the
// body is still being parsed, not after it. Idempotent.
//
// node scripts/scripts-after-paint.mjs [--dir out]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { filesUnder } from './exportFiles.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A type that is not JavaScript: the browser neither fetches nor runs the tag. */
export const LATER_TYPE = 'luxchat/after-paint';

/** The same text on every page, so that the Content Security Policy needs one hash for it. */
export const LOADER = [
  '(function(){var done=false;',
  'function go(){if(done)return;done=true;',
  `document.querySelectorAll('script[type="${LATER_TYPE}"]').forEach(function(s){var e=document.createElement('script');e.src=s.getAttribute('src');e.async=true;document.head.appendChild(e)})}`,
  "if(document.visibilityState==='hidden'||document.documentElement.hasAttribute('data-signed-in'))return go();",
  // The first contentful paint as the browser reports it (after the frame is on screen), with a
  // bound for a page that never paints (hidden meanwhile) ...
  "try{if(PerformanceObserver.supportedEntryTypes.indexOf('paint')>=0){",
  "new PerformanceObserver(function(list){if(list.getEntriesByName('first-contentful-paint').length)go()}).observe({type:'paint',buffered:true});",
  'setTimeout(go,3000);return}}catch(e){}',
  // ... or, without paint timing, after the first frame.
  'requestAnimationFrame(function(){setTimeout(go,0)})})()',
].join('');

/** One page's HTML with its scripts requested after the first paint. */
export function scriptsAfterPaint(html) {
  if (html.includes(LOADER)) return html;
  const later = [];
  const out = html
    // Next's external scripts are async and independent of order (so they may move to the head);
    // `noModule` ones stay (skipped by current browsers, fetched only by old ones).
    .replace(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)><\/script>/g, (tag, before, src, after) => {
      if (/\bnoModule\b/i.test(before + after)) return tag;
      later.push(`<script type="${LATER_TYPE}" src="${src}"></script>`);
      return '';
    })
    .replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g, '');
  if (!later.length) return html;
  const at = out.indexOf('</head>');
  if (at < 0) throw new Error('a page without </head>');
  return `${out.slice(0, at)}${later.join('')}<script>${LOADER}</script>${out.slice(at)}`;
}

export function deferExportScripts(dir = join(root, 'out')) {
  let pages = 0;
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    const next = scriptsAfterPaint(html);
    if (next === html) continue;
    writeFileSync(file, next);
    pages++;
  }
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } });
  const pages = deferExportScripts(values.dir ? resolve(values.dir) : undefined);
  console.log(`scripts after the first paint: ${pages} pages`);
}
