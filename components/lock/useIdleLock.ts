'use client';
import { useEffect } from 'react';
import { lockNow } from '@/lib/actions/appLock';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Locks the app after `minutes` without the user touching it (undefined: no lock on). */
export function useIdleLock(minutes: number | undefined): void {
  useEffect(() => {
    if (!minutes) return;
    const ms = minutes * 60_000;
    let timer = setTimeout(lockNow, ms);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(lockNow, ms);
    };
    for (const name of ACTIVITY) window.addEventListener(name, active, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, active, { capture: true });
    };
  }, [minutes]);
}
