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

/** Violations tests cause on purpose: the inline script security-headers.spec.ts injects. */
export function expectedViolation(report: CspReport): boolean {
  return report['script-sample']?.includes(SENTINEL) === true;
}
