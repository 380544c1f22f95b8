import type { Sight } from '../../state/politeCompute';

/**
 * Tells `see` whether the page is shown and whether any pixel of `element` is in the viewport, now
 * and on every change; returns a function that stops watching. The implicit root is the top-level
 * viewport, also from inside a course page's cross-origin frame, so a frame scrolled away counts as
 * unseen.
 */
export function watchSight(element: Element, see: (change: Partial<Sight>) => void): () => void {
  const onVisibility = () => see({ pageShown: !document.hidden });
  onVisibility();
  document.addEventListener('visibilitychange', onVisibility);
  const observer = new IntersectionObserver((entries) => {
    const last = entries.at(-1);
    if (last) see({ panelInView: last.isIntersecting });
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
