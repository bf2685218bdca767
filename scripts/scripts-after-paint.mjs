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

/**
 * The loader, the same text on every page of a build, so that the Content Security Policy needs
 * one hash for it. `signedInChunks`: the signed-in app's own chunks (see `signedInAppChunks`),
 * requested with the page's scripts on a device that was signed in, which would otherwise ask
 * for them only once the page has hydrated.
 */
export function loader(signedInChunks = []) {
  return [
    '(function(){var done=false;',
    `function add(src){var e=document.createElement('script');e.src=src;e.async=true;document.head.appendChild(e)}`,
    'function go(signedIn){if(done)return;done=true;',
    `document.querySelectorAll('script[type="${LATER_TYPE}"]').forEach(function(s){add(s.getAttribute('src'))});`,
    `if(signedIn)${JSON.stringify(signedInChunks)}.forEach(add)}`,
    "if(document.documentElement.hasAttribute('data-signed-in'))return go(true);",
    "if(document.visibilityState==='hidden')return go(false);",
    // The first contentful paint as the browser reports it (after the frame is on screen), with a
    // bound for a page that never paints (hidden meanwhile) ...
    "try{if(PerformanceObserver.supportedEntryTypes.indexOf('paint')>=0){",
    "new PerformanceObserver(function(list){if(list.getEntriesByName('first-contentful-paint').length)go(false)}).observe({type:'paint',buffered:true});",
    'setTimeout(function(){go(false)},3000);return}}catch(e){}',
    // ... or, without paint timing, after the first frame.
    'requestAnimationFrame(function(){setTimeout(function(){go(false)},0)})})()',
  ].join('');
}

/** Marks the signed-in app's chunk in the build (components/shell/SignedInApp.tsx). */
export const SIGNED_IN_APP_MARK = 'luxchat:signed-in-app-loaded';

/**
 * The chunks the page's runtime loads for the signed-in app: the list, in one of the page's
 * chunks, that Turbopack's loader for the dynamic import holds and that names the chunk with
 * the mark. [] (with a warning) if the build no longer looks like that: the start is then only
 * slower.
 */
export function signedInAppChunks(dir) {
  const chunks = join(dir, '_next', 'static', 'chunks');
  const scripts = filesUnder(chunks).filter((f) => f.endsWith('.js'));
  const own = scripts.filter((f) => readFileSync(f, 'utf8').includes(SIGNED_IN_APP_MARK)).map((f) => f.slice(chunks.length + 1));
  for (const file of scripts) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(/Promise\.all\(\[((?:"static\/chunks\/[^"]+\.js",?)+)\]/g)) {
      const paths = JSON.parse(`[${list}]`);
      if (own.length === 1 && paths.includes(`static/chunks/${own[0]}`)) return paths.map((p) => `/_next/${p}`);
    }
  }
  console.warn(`scripts after the first paint: the signed-in app's chunks were not found (${own.length} chunks with its mark)`);
  return [];
}

/** One page's HTML with its scripts requested after the first paint. */
export function scriptsAfterPaint(html, signedInChunks = []) {
  if (html.includes(`type="${LATER_TYPE}"`)) return html;
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
  return `${out.slice(0, at)}${later.join('')}<script>${loader(signedInChunks)}</script>${out.slice(at)}`;
}

export function deferExportScripts(dir = join(root, 'out')) {
  const signedInChunks = signedInAppChunks(dir);
  let pages = 0;
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    const next = scriptsAfterPaint(html, signedInChunks);
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
