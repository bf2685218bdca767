// Renders the app's PNG icons from the SVGs in public/icons (Chromium draws them), so that the
// PNGs never drift from the logo. Usage: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [svg, sizes, name] of [
  ['icon.svg', [192, 512], 'icon'],
  ['icon-maskable.svg', [192, 512], 'icon-maskable'],
]) {
  const source = readFileSync(`public/icons/${svg}`, 'utf8');
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    await page.locator('svg').screenshot({ path: `public/icons/${name}-${size}.png`, omitBackground: true });
    console.log(`wrote public/icons/${name}-${size}.png`);
  }
}
await browser.close();
