import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18n';
import type { EngineAnswer } from '../../state/useLessonsEngine';

/** What a lesson shows until the engine has answered, or when it could not. */
export function EngineNotice({ answer }: { answer: EngineAnswer<unknown> }) {
  const t = useT();
  if (answer === null) return <p className="lessons__pending">{t('lessons.pending')}</p>;
  if (answer.error === null) return null;
  return (
    <p className="notice notice-error" role="alert">
      {answer.error
        ? t('lessons.engineFailed', { message: answer.error })
        : t('lessons.engineFailedSilently')}
    </p>
  );
}

/** A lesson's part that the engine computes: the notice until there is a result, then what it shows of it. */
export function EngineResult<T>({
  answer,
  children,
}: {
  answer: EngineAnswer<T>;
  children: (result: T) => ReactNode;
}) {
  return (
    <>
      <EngineNotice answer={answer} />
      {answer !== null && answer.error === null && children(answer.result)}
    </>
  );
}
