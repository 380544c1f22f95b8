import { useId, useState } from 'react';
import { useT } from '../../i18n/I18n';
import { useLessonsEngine } from '../../state/useLessonsEngine';
import { Rich } from '../article/Rich';
import { READOUT_UPDATE_MS, selectLastSnapshot, useThrottledLabView } from '../charts/useThrottledLabView';
import { EditableMatrix } from './EditableMatrix';
import { EngineResult } from './EngineNotice';
import { KLArguments } from './KLArguments';
import { KLDirections } from './KLDirections';
import { KLReductions } from './KLReductions';
import { LabelledValue } from './LabelledValue';
import { LessonSection } from './LessonSection';
import { MatrixTable } from './MatrixTable';
import { cellsFromNumbers, numbersFromCells } from './numbersFromCells';

// Two samples, so that `sum`, `batchmean` and `mean` all differ; the weights need not sum to 1.
const EXAMPLE_P = [
  [0.45, 0.05, 0.05, 0.45],
  [7, 1, 1, 1],
];
const EXAMPLE_Q = [
  [0.1, 0.1, 0.1, 0.7],
  [1, 1, 1, 1],
];

const isWeight = (x: number) => Number.isFinite(x) && x >= 0;

/** Weights the engine can normalise: all non-negative, every row with a positive sum. */
function weightsFrom(cells: readonly (readonly string[])[]): number[][] | null {
  const weights = numbersFromCells(cells, isWeight);
  return weights?.every((row) => row.some((x) => x > 0)) ? weights : null;
}

type Cells = string[][];

const edited = (cells: Cells, row: number, column: number, text: string): Cells =>
  cells.map((r, i) => (i === row ? r.map((c, j) => (j === column ? text : c)) : r));

/** Lesson 4: F.kl_div on distributions the reader types (or the lab's live batch), every way it can be called. */
export function KLDivExplorer() {
  const t = useT();
  const liveId = useId();
  const [pCells, setPCells] = useState<Cells>(() => cellsFromNumbers(EXAMPLE_P));
  const [qCells, setQCells] = useState<Cells>(() => cellsFromNumbers(EXAMPLE_Q));
  const [wantLive, setWantLive] = useState(false);
  const batch = useThrottledLabView(selectLastSnapshot, READOUT_UPDATE_MS)?.batch ?? null;
  const live = wantLive && batch !== null;

  const p = live ? [batch.pOld] : weightsFrom(pCells);
  const q = live ? [batch.pNew] : weightsFrom(qCells);
  const answer = useLessonsEngine(p && q ? { type: 'klDiv', p, q } : null);
  const sample = (i: number) => t('lessons.sample', { n: i + 1 });
  const weightLabel = (name: string) => (r: number, c: number) =>
    t('lessons.kl.weightLabel', { name, row: r + 1, cls: c + 1 });

  return (
    <LessonSection id="lessons-kl" title={t('lessons.kl.title')}>
      <p>
        <Rich text={t('lessons.kl.intro')} />
      </p>
      <div className="lessons__pair">
        {[
          { name: 'P', caption: t('lessons.kl.pCaption'), cells: pCells, setCells: setPCells },
          { name: 'Q', caption: t('lessons.kl.qCaption'), cells: qCells, setCells: setQCells },
        ].map(({ name, caption, cells, setCells }) => (
          <EditableMatrix
            key={name}
            caption={caption}
            cells={cells}
            label={weightLabel(name)}
            onChange={(r, c, text) => setCells((now) => edited(now, r, c, text))}
            min={0}
            step={0.05}
            disabled={live}
          />
        ))}
      </div>
      <p className="lessons__buttons">
        <button type="button" disabled={live} onClick={() => setQCells(pCells.map((row) => [...row]))}>
          {t('lessons.kl.copyPToQ')}
        </button>
        <button
          type="button"
          disabled={live}
          onClick={() => {
            setPCells(cellsFromNumbers(EXAMPLE_P));
            setQCells(cellsFromNumbers(EXAMPLE_Q));
          }}
        >
          {t('lessons.kl.resetExample')}
        </button>
      </p>
      {!live && (p === null || q === null) && (
        <p className="notice notice-warning" role="status">
          {t('lessons.kl.invalid')}
        </p>
      )}
      <p className="lessons__live">
        <input
          id={liveId}
          type="checkbox"
          checked={live}
          disabled={batch === null}
          onChange={(e) => setWantLive(e.target.checked)}
        />
        <label htmlFor={liveId}>
          <Rich text={t('lessons.kl.useLive')} />
        </label>{' '}
        <span className="lessons__hint">
          {batch === null ? t('lessons.kl.liveUnavailable') : live ? t('lessons.kl.liveInUse') : ''}
        </span>
      </p>
      <EngineResult answer={answer}>
        {(result) => (
          <>
            <div className="lessons__values">
              <LabelledValue label={t('lessons.kl.batchSize')} value={result.p.length} digits={0} />
              <LabelledValue label={t('lessons.kl.classes')} value={result.p[0]?.length ?? 0} digits={0} />
            </div>
            <MatrixTable
              caption={t('lessons.kl.normalisedCaption')}
              rows={result.p.flatMap((pRow, i) => [
                { label: t('lessons.kl.pRow', { sample: sample(i) }), values: pRow },
                { label: t('lessons.kl.qRow', { sample: sample(i) }), values: result.q[i] },
              ])}
            />
            <KLArguments result={result} />
            <KLReductions result={result} />
            <KLDirections result={result} batch={batch} />
          </>
        )}
      </EngineResult>
    </LessonSection>
  );
}
