'use client';
import { useEffect, useState } from 'react';

/**
 * False in the pre-rendered page and until the app runs in it: controls that do nothing before
 * then (no listener yet) are shown disabled, instead of losing what the user did.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
