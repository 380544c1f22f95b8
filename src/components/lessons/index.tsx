import { useState } from 'react';
import { ARTICLE_LOGITS } from './articleNumbers';
import { ErrataLesson } from './ErrataLesson';
import { KLDivExplorer } from './KLDivExplorer';
import './lessons.css';
import { cellsFromNumbers, numbersFromCells } from './numbersFromCells';
import { SoftmaxLesson } from './SoftmaxLesson';
import { StabilityLesson } from './StabilityLesson';

/**
 * The interactive lessons below the article: softmax worked by hand, the article's errata, why
 * log_softmax, and an F.kl_div explorer. The logits typed in the first lesson feed the third.
 */
export function Lessons() {
  const [cells, setCells] = useState(() => cellsFromNumbers(ARTICLE_LOGITS));
  const logits = numbersFromCells(cells);
  return (
    <div className="lessons">
      <SoftmaxLesson
        cells={cells}
        logits={logits}
        onEdit={(row, column, text) =>
          setCells((current) =>
            current.map((r, i) => (i === row ? r.map((c, j) => (j === column ? text : c)) : r)),
          )
        }
        onReset={() => setCells(cellsFromNumbers(ARTICLE_LOGITS))}
      />
      <ErrataLesson />
      <StabilityLesson logits={logits} />
      <KLDivExplorer />
    </div>
  );
}
