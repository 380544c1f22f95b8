import { useId, useState } from 'react';
import { type Translate, useT } from '../../i18n/I18n';
import { useLessonsEngine } from '../../state/useLessonsEngine';
import type { SoftmaxResult } from '../../worker/lessonsProtocol';
import { Formula } from '../article/Formula';
import { Rich } from '../article/Rich';
import { EngineResult } from './EngineNotice';
import { LessonSection } from './LessonSection';
import { MatrixTable, sampleRows } from './MatrixTable';

const TRICK = String.raw`z_i - m - \log \sum_j e^{z_j - m}`;
const MAX_SCALE = 100;

const countNonFinite = (rows: readonly number[][]) =>
  rows.reduce((n, row) => n + row.filter((x) => !Number.isFinite(x)).length, 0);

/** How many values each way of computing the log-probabilities lost to infinity, in a sentence. */
function verdict(t: Translate, result: SoftmaxResult): string {
  const naive = countNonFinite(result.naiveLogSoftmax);
  const stable = countNonFinite(result.logSoftmax);
  if (stable > 0) return t('lessons.stability.overflow', { naive, stable });
  if (naive > 0) return t('lessons.stability.infinite', { count: naive });
  return t('lessons.stability.finite');
}

/** Lesson 3: scale the logits until log(softmax) breaks in float32 while log_softmax does not. */
export function StabilityLesson({ logits }: { logits: number[][] | null }) {
  const t = useT();
  const id = useId();
  const [scale, setScale] = useState(1);
  const answer = useLessonsEngine(logits && { type: 'softmax', logits, scale });

  return (
    <LessonSection id="lessons-stability" title={t('lessons.stability.title')}>
      <p>{t('lessons.stability.intro')}</p>
      <div className="lessons__slider">
        <label htmlFor={id}>{t('lessons.stability.scale')}</label>
        <input
          id={id}
          type="range"
          min={1}
          max={MAX_SCALE}
          step={1}
          value={scale}
          onChange={(e) => setScale(Number(e.target.value))}
        />
        <output htmlFor={id}>{scale}</output>
      </div>
      <EngineResult answer={answer}>
        {(result) => (
          <>
            <div className="lessons__pair">
              <MatrixTable
                caption={t('lessons.stability.naiveCaption')}
                rows={sampleRows(t, result.naiveLogSoftmax)}
              />
              <MatrixTable
                caption={t('lessons.stability.stableCaption')}
                rows={sampleRows(t, result.logSoftmax)}
              />
            </div>
            <p role="status">
              <Rich text={verdict(t, result)} />
            </p>
          </>
        )}
      </EngineResult>
      <p>
        <Rich
          text={t('lessons.stability.trick')}
          slots={{ formula: <Formula tex={TRICK} label={t('lessons.stability.formulaLabel')} /> }}
        />
      </p>
    </LessonSection>
  );
}
