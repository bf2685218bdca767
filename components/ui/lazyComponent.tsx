'use client';
import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component whose code loads on first use, rendering `Fallback` (or nothing) until then. Unlike
 * React.lazy (and next/dynamic), no Suspense boundary: React holds back what a boundary reveals
 * for a moment, which the first screens of a start cannot afford.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, Fallback?: ComponentType): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let stale = false;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
        (c) => {
          if (!stale) setComponent(() => c);
        },
        (error: unknown) => {
          // Its code could not be fetched (offline before it was cached): the next use tries again.
          loading = null;
          console.warn('luxchat: a part of the app did not load', error);
        },
      );
      return () => {
        stale = true;
      };
    }, [Component]);
    if (Component) return <Component {...props} />;
    return Fallback ? <Fallback /> : null;
  }
  return Lazy;
}
