'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoginFlows } from '@/lib/actions/loginOptions';

const loadOptions = () => import('@/lib/actions/loginOptions');

/**
 * How the homeserver being typed lets users in (password, single sign-on), looked up a moment
 * after typing stops. Null while unknown or unreachable: the password form stays, and signing in
 * says what is wrong.
 */
export function useLoginOptions(): { flows: LoginFlows | null; lookUp: (homeserver: string, now?: boolean) => void } {
  const [flows, setFlows] = useState<LoginFlows | null>(null);
  const asked = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const lookUp = useCallback((homeserver: string, now = false) => {
    const text = homeserver.trim();
    clearTimeout(timer.current);
    if (text === asked.current) return;
    const ask = () => {
      asked.current = text;
      setFlows(null);
      if (!text) return;
      void loadOptions()
        .then(({ loginFlows }) => loginFlows(text))
        .then(
          (found) => {
            if (asked.current === text) setFlows(found);
          },
          () => undefined,
        );
    };
    if (now) ask();
    else timer.current = setTimeout(ask, 600);
  }, []);
  return { flows, lookUp };
}
