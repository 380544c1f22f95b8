import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';

/** The running backend and why it was chosen, with any backend that failed before it. */
export function BackendNote() {
  const t = useT();
  const backend = useLabView((v) => v.backend);
  if (!backend) return <p className="backend-note">{t('phase.starting')}</p>;
  const name = t(`option.${backend.name}` as MessageKey);
  return (
    <div className="backend-note">
      <p>{t(`backend.reason.${backend.reason}` as MessageKey, { name })}</p>
      {backend.failures.map((f) => (
        <p key={f.name} className="notice notice-warning">
          {t('backend.failure', {
            name: t(`option.${f.name}` as MessageKey),
            message: 'message' in f ? f.message : t('backend.unavailable'),
          })}
        </p>
      ))}
    </div>
  );
}
