import { type RefObject, useEffect } from 'react';
import { useLabStore } from '../../state/LabContext';
import { PoliteCompute } from '../../state/politeCompute';

/** Pauses training while the lab's panel cannot be seen and resumes it when it can (see `PoliteCompute`). */
export function usePoliteCompute(panel: RefObject<HTMLElement | null>): void {
  const store = useLabStore();
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const compute = new PoliteCompute(store);
    const onVisibility = () => compute.see({ pageShown: !document.hidden });
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    // Seen means any pixel of the panel: a learner watching only the chart, or the readouts at the
    // bottom of the window, is watching the run. The implicit root is the top-level viewport, also
    // from inside a course page's cross-origin frame, so a frame scrolled away counts as unseen.
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) compute.see({ panelInView: last.isIntersecting });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      compute.stop();
    };
  }, [panel, store]);
}
