'use client';
import { useEffect, useRef } from 'react';

/** A picture's BlurHash drawn blurred in its place, while it loads or until the user asks for it. */
export function BlurhashPlaceholder({ hash }: { hash: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let live = true;
    void import('blurhash').then(({ decode, isBlurhashValid }) => {
      const element = canvas.current;
      if (!live || !element || !isBlurhashValid(hash).result) return;
      const pixels = decode(hash, 32, 24);
      element.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(pixels), 32, 24), 0, 0);
    });
    return () => {
      live = false;
    };
  }, [hash]);
  return <canvas ref={canvas} width={32} height={24} aria-hidden="true" className="absolute inset-0 h-full w-full" data-testid="attachment-blurhash" />;
}
