import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo, useRef } from 'react';
import { useOverflowing } from '../useOverflowing';
import './article.css';

export interface FormulaProps {
  /** TeX source, rendered by KaTeX. */
  tex: string;
  /** What a screen reader says instead of the rendered symbols. */
  label: string;
  /** A block of its own (KaTeX display mode) rather than math inside a sentence. */
  display?: boolean;
}

/** One formula. KaTeX renders it to HTML (for the eye) and MathML (for copy and assistive tools). */
export function Formula({ tex, label, display = false }: FormulaProps) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml', displayMode: display }),
    [tex, display],
  );
  const ref = useRef<HTMLElement>(null);
  const overflowing = useOverflowing(ref, display);
  if (!display) {
    return (
      <span
        className="kl-formula"
        role="math"
        aria-label={label}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output for TeX written in this repository, never user input
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  }
  return (
    <div
      ref={ref as React.RefObject<HTMLDivElement>}
      className="kl-formula kl-formula--display scroll-x"
      role="math"
      aria-label={label}
      data-overflowing={overflowing}
      // A box that scrolls sideways must be reachable by keyboard.
      tabIndex={overflowing ? 0 : undefined}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output for TeX written in this repository, never user input
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
