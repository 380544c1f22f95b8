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
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return overflowing;
}
