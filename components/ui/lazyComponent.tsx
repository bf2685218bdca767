'use client';
import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component whose code loads on first use, rendering nothing until then. Unlike React.lazy
 * (and next/dynamic), no Suspense boundary: React holds back what a boundary reveals for a
 * moment, which the first screens of a start cannot afford.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let stale = false;
      loading ??= load().then((c) => (loaded = c));
      void loading.then((c) => {
        if (!stale) setComponent(() => c);
      });
      return () => {
        stale = true;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  }
  return Lazy;
}
