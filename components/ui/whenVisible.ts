/** One observer for every picture on the page (a room list has hundreds of avatars). */
let observer: IntersectionObserver | null = null;
const onVisible = new Map<Element, () => void>();

/** Calls back once the element is on screen (at once where the browser cannot tell); returns a stop. */
export function whenVisible(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      onVisible.get(entry.target)?.();
      onVisible.delete(entry.target);
      observer?.unobserve(entry.target);
    }
  });
  onVisible.set(element, callback);
  observer.observe(element);
  return () => {
    onVisible.delete(element);
    observer?.unobserve(element);
  };
}
