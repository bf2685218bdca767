'use client';
import type { ReactNode } from 'react';

/**
 * A panel with a title; `testId` names it for the tests. Encryption prompts are not modal:
 * they float over the top corner and leave the conversations usable behind them.
 */
export function Dialog({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div
      role="dialog"
      aria-label={title}
      data-testid={testId}
      className="fixed right-4 top-16 z-40 flex w-[calc(100%-2rem)] max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xl"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </div>
  );
}

export const primaryButton = 'rounded bg-sky-700 px-4 py-2 text-white disabled:opacity-60';
export const secondaryButton = 'rounded border border-slate-300 px-4 py-2 disabled:opacity-60';
