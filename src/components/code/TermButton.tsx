import type { ReactNode } from 'react';
import {
  type TermId,
  useHighlightSource,
  useHighlightStore,
  useIsHighlighted,
  useIsPinned,
} from '../../state/highlight';
import './code.css';

interface TermButtonProps {
  term: TermId;
  /** The accessible name, when the content (e.g. a formula) does not say it in words. */
  label?: string;
  /** A larger term that contains this one: highlighting it marks this one as a part. */
  partOf?: TermId;
  className?: string;
  children: ReactNode;
}

/**
 * A formula term or chart key entry that highlights its term elsewhere (the code line, the series)
 * while hovered or focused. A click or tap pins the highlight, for touch screens and for browsers
 * that do not focus buttons on click.
 */
export function TermButton({ term, label, partOf, className, children }: TermButtonProps) {
  const store = useHighlightStore();
  const highlighted = useIsHighlighted(term);
  const inWhole = useIsHighlighted(partOf);
  const pinned = useIsPinned(term);
  return (
    <button
      type="button"
      className={className ? `term-button ${className}` : 'term-button'}
      data-term={term}
      data-highlighted={highlighted}
      data-part-highlighted={inWhole || undefined}
      aria-pressed={pinned}
      aria-label={label}
      onClick={() => store.togglePin(term)}
      {...useHighlightSource(term)}
    >
      {children}
    </button>
  );
}
