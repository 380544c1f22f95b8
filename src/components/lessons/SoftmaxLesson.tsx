import { useT } from '../../i18n/I18n';
import { useLessonsEngine } from '../../state/useLessonsEngine';
import { Rich } from '../article/Rich';
import { EditableMatrix } from './EditableMatrix';
import { EngineResult } from './EngineNotice';
import { LessonSection } from './LessonSection';
import { MatrixTable, sampleRows } from './MatrixTable';

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
  return (
    <LessonSection id="lessons-softmax" title={t('lessons.softmax.title')}>
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
      <EngineResult answer={answer}>
        {(result) => (
          <div className="lessons__pair">
            <MatrixTable
              caption={t('lessons.softmax.softmaxCaption')}
              rows={sampleRows(t, result.softmax, result.softmaxRowSums)}
              extraHeader={t('lessons.rowSum')}
            />
            <MatrixTable
              caption={t('lessons.softmax.logSoftmaxCaption')}
              rows={sampleRows(t, result.logSoftmax)}
            />
          </div>
        )}
      </EngineResult>
      <p>{t('lessons.softmax.observe')}</p>
    </LessonSection>
  );
}
