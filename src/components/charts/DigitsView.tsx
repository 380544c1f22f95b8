import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { LabView } from '../../state/store';
import type { DigitSample, DigitScores } from '../../worker/protocol';
import { ChartFigure } from './ChartFigure';
import { CHART_UPDATE_MS, useThrottledLabView } from './useThrottledLabView';
import './digits.css';

const selectScores = (view: LabView) => view.digitScores;

/** One image of the sample, drawn pixel for pixel (dark ink on white, as on paper) and scaled by CSS. */
function DigitCanvas({ sample, index, label }: { sample: DigitSample; index: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { side, pixels } = sample;
    const image = context.createImageData(side, side);
    const from = index * side * side;
    for (let p = 0; p < side * side; p++) {
      const ink = 255 - pixels[from + p];
      image.data.set([ink, ink, ink, 255], 4 * p);
    }
    context.putImageData(image, 0, 0);
  }, [sample, index]);
  return (
    <canvas
      ref={canvas}
      className="digit-canvas"
      width={sample.side}
      height={sample.side}
      role="img"
      aria-label={label}
    />
  );
}

/**
 * One model's class for a digit, "7 ✗": marked right or wrong by a sign and in words, not by colour
 * alone. The model's name is said to screen readers; the eye reads it from the key (first line
 * model_old, second line the model).
 */
function Guess({
  who,
  guess,
  truth,
}: {
  who: 'modelOld' | 'model';
  guess: number | undefined;
  truth: number;
}) {
  const t = useT();
  if (guess === undefined) return null;
  const right = guess === truth;
  const name = t(who === 'modelOld' ? 'digits.modelOld' : 'digits.model');
  return (
    <p className={`digit-guess digit-guess-${who}${right ? '' : ' digit-wrong'}`}>
      <span className="visually-hidden">{name} </span>
      <b>{guess}</b> <span aria-hidden="true">{right ? '✓' : '✗'}</span>
      <span className="visually-hidden"> {t(right ? 'digits.right' : 'digits.wrong')}</span>
    </p>
  );
}

/** One task's row of the sample: upright (old task) or turned (new task). */
function DigitRow({
  sample,
  scores,
  turned,
  rotation,
}: {
  sample: DigitSample;
  scores: DigitScores | null;
  turned: boolean;
  rotation: number;
}) {
  const t = useT();
  const title = turned ? t('digits.newTask', { rotation }) : t('digits.oldTask');
  const offset = turned ? sample.perTask : 0;
  const titleId = useId();
  return (
    <section className="digit-task" aria-labelledby={titleId}>
      <h4 id={titleId} className="digit-task-title">
        {title}
      </h4>
      <ol className="digit-row">
        {sample.labels.map((label, i) => (
          <li key={label} className="digit">
            <DigitCanvas
              sample={sample}
              index={offset + i}
              label={turned ? t('digits.imageTurned', { label, rotation }) : t('digits.image', { label })}
            />
            <Guess who="modelOld" guess={scores?.predicted.modelOld[offset + i]} truth={label} />
            <Guess who="model" guess={scores?.predicted.model[offset + i]} truth={label} />
          </li>
        ))}
      </ol>
    </section>
  );
}

const percent = (fraction: number) => (Number.isFinite(fraction) ? `${Math.round(100 * fraction)}%` : '–');

/** Both models' accuracy per digit on both tasks' test sets. */
function ClassTable({ scores }: { scores: DigitScores }) {
  const t = useT();
  const perClass = scores.perClass;
  if (!perClass) return null;
  const columns = [
    perClass.modelOld.oldTask,
    perClass.model.oldTask,
    perClass.modelOld.newTask,
    perClass.model.newTask,
  ];
  const models = [t('digits.modelOld'), t('digits.model')];
  return (
    <div className="digit-table-wrap">
      <table className="digit-table">
        <caption>{t('digits.table.caption', { step: perClass.step })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={2}>
              {t('digits.table.oldTask')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('digits.table.newTask')}
            </th>
          </tr>
          <tr>
            <th scope="col">{t('digits.table.digit')}</th>
            {[...models, ...models].map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity
              <th scope="col" key={i}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {perClass.model.oldTask.map((_, digit) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the digit is the row's identity
            <tr key={digit}>
              <th scope="row">{digit}</th>
              {columns.map((column, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity
                <td key={i}>{percent(column[digit])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The digits scenario's view, in place of the decision regions (which need 2-D inputs): one test
 * digit of each class upright and turned, what model_old and the model call each, and both models'
 * accuracy per digit. Redrawn at most every CHART_UPDATE_MS while training.
 */
export function DigitsView() {
  const t = useT();
  const sample = useLabView((v) => v.digitSample);
  const rotation = useLabView((v) => v.runSettings.rotation);
  const scores = useThrottledLabView(selectScores, CHART_UPDATE_MS);
  return (
    <ChartFigure
      title={t('digits.heading')}
      dataPoints={sample ? 2 * sample.perTask : 0}
      empty={sample ? null : t('digits.waiting')}
      note={sample ? t('digits.intro', { rotation }) : undefined}
      className="digits"
    >
      {sample && (
        <>
          <p className="digit-key" aria-hidden="true">
            <span className="digit-guess-modelOld">{t('digits.keyModelOld')}</span>
            <span className="digit-guess-model">{t('digits.keyModel')}</span>
          </p>
          <DigitRow sample={sample} scores={scores} turned={false} rotation={rotation} />
          <DigitRow sample={sample} scores={scores} turned rotation={rotation} />
          {scores && <ClassTable scores={scores} />}
        </>
      )}
    </ChartFigure>
  );
}
