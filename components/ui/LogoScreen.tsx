import type { ReactNode } from 'react';
import { LuxchatLogo } from './icons';

/** A screen of its own before the chats (login, single sign-on's return, the lock): the logo, a title, then `children`. */
export function LogoScreen({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 p-6" data-testid={testId}>
      <h1 className="flex items-center gap-3 text-2xl font-semibold">
        <LuxchatLogo size={40} />
        {title}
      </h1>
      {children}
    </main>
  );
}
