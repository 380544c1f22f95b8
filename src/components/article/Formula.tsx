import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
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
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={display ? 'kl-formula kl-formula--display' : 'kl-formula'}
      role="math"
      aria-label={label}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output for TeX written in this repository, never user input
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
