import { useT } from '../../i18n/I18n';

/**
 * Says that the run waits because the lab cannot be seen. Mostly for screen readers, which announce
 * it when a learner reads on past the panel; the live region exists before its text does.
 */
export function OutOfSightNotice({ paused }: { paused: boolean }) {
  const t = useT();
  return <div role="status">{paused && <p className="notice">{t('notice.outOfSight')}</p>}</div>;
}
