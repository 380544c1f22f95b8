import { useLanguage, useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { backendName, backendSentence } from './backendSentence';

/** The running backend and why it was chosen, where it runs if not in a worker, and any backend that failed before it. */
export function BackendNote() {
  const t = useT();
  const language = useLanguage();
  const backend = useLabView((v) => v.backend);
  const onMainThread = useLabView((v) => v.engineWay === 'mainThread');
  const cannotStart = useLabView((v) => v.engineWay === 'none');
  if (!backend) return <p className="backend-note">{t(cannotStart ? 'backend.none' : 'phase.starting')}</p>;
  return (
    <div className="backend-note">
      <p>{backendSentence(backend, t, language)}</p>
      {onMainThread && <p>{t('backend.mainThread')}</p>}
      {backend.failures.map((f) => (
        <p key={f.name} className="notice notice-warning">
          {t('backend.failure', {
            name: backendName(f.name, t),
            message: 'message' in f ? f.message : t('backend.unavailable'),
          })}
        </p>
      ))}
    </div>
  );
}
