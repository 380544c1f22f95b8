import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether a box is narrower than its content. Boxes that scroll sideways use it to show shadows at
 * the clipped edges and to become a Tab stop, so that keyboards can scroll them too.
 */
export function useOverflowing(ref: RefObject<HTMLElement | null>, enabled = true): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // Content widens without the box resizing when a web font (KaTeX's) arrives.
    document.fonts?.addEventListener('loadingdone', measure);
    return () => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', measure);
    };
  }, [ref, enabled]);
  return overflowing;
}
