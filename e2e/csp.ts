import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CspReport } from '../scripts/serve.mjs';

/** Where the test server writes the violation reports browsers send it, one JSON per line. */
export const CSP_REPORTS = join(process.cwd(), 'test-results', 'csp-reports.jsonl');

/** The global a test's injected inline script would set, were it allowed to run. */
export const SENTINEL = 'luxchatCspSentinel';

export function cspReports(): CspReport[] {
  if (!existsSync(CSP_REPORTS)) return [];
  return readFileSync(CSP_REPORTS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CspReport);
}

/**
 * Violations tests cause on purpose: the inline script security-headers.spec.ts injects, and
 * what formatting.spec.ts's hostile messages carry (event handlers that would set `__pwned`,
 * inline styles), which Chromium reports when the sanitizer parses them in an inert document:
 * blocked there too, and never in the page (the sanitizer keeps no handler and no style).
 */
export function expectedViolation(report: CspReport): boolean {
  const directive = report['effective-directive'] ?? report['violated-directive'] ?? '';
  const sample = report['script-sample'] ?? '';
  if (sample.includes(SENTINEL)) return true;
  if (report['blocked-uri'] !== 'inline' || !/\.js$/.test(String(report['source-file'] ?? ''))) return false;
  if (directive === 'script-src-attr') return sample.includes('__pwned');
  return directive === 'style-src-attr' || directive === 'style-src-elem';
}
