import { useT } from '../../i18n/I18n';
import { useLessonsEngine } from '../../state/useLessonsEngine';
import { Rich } from '../article/Rich';
import { EditableMatrix } from './EditableMatrix';
import { EngineNotice } from './EngineNotice';
import { MatrixTable } from './MatrixTable';

export interface SoftmaxLessonProps {
  cells: readonly (readonly string[])[];
  /** The cells as numbers; null while one is not a number. */
  logits: number[][] | null;
  onEdit: (row: number, column: number, text: string) => void;
  onReset: () => void;
}

/** Lesson 1: edit the article's logits and watch softmax and log-softmax follow. */
export function SoftmaxLesson({ cells, logits, onEdit, onReset }: SoftmaxLessonProps) {
  const t = useT();
  const answer = useLessonsEngine(logits && { type: 'softmax', logits });
  const result = answer?.result;
  const sample = (i: number) => t('lessons.sample', { n: i + 1 });
  return (
    <section className="lessons__section" aria-labelledby="lessons-softmax">
      <h2 id="lessons-softmax">
        <Rich text={t('lessons.softmax.title')} />
      </h2>
      <p>
        <Rich text={t('lessons.softmax.intro')} />
      </p>
      <EditableMatrix
        caption={t('lessons.softmax.logitsCaption')}
        cells={cells}
        label={(r, c) => t('lessons.softmax.logitLabel', { row: r + 1, cls: c + 1 })}
        onChange={onEdit}
        step={0.1}
      />
      <p className="lessons__buttons">
        <button type="button" onClick={onReset}>
          {t('lessons.softmax.reset')}
        </button>
      </p>
      {logits === null && (
        <p className="notice notice-warning" role="status">
          {t('lessons.softmax.incomplete')}
        </p>
      )}
      <EngineNotice answer={answer} />
      {result && (
        <div className="lessons__pair">
          <MatrixTable
            caption={<Rich text={t('lessons.softmax.softmaxCaption')} />}
            rows={result.softmax.map((values, i) => ({
              label: sample(i),
              values,
              extra: result.softmaxRowSums[i],
            }))}
            extraHeader={t('lessons.rowSum')}
          />
          <MatrixTable
            caption={<Rich text={t('lessons.softmax.logSoftmaxCaption')} />}
            rows={result.logSoftmax.map((values, i) => ({ label: sample(i), values }))}
          />
        </div>
      )}
      <p>{t('lessons.softmax.observe')}</p>
    </section>
  );
}
