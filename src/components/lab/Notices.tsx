import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { labelKey } from './SettingControl';

/** What the page must tell the learner: corrected link values, pending resets, divergence, errors. */
export function Notices() {
  const t = useT();
  const corrections = useLabView((v) => v.corrections);
  const pending = useLabView((v) => v.pendingRestart);
  const divergence = useLabView((v) => v.divergence);
  const error = useLabView((v) => v.error);
  return (
    <div className="notices" role="status">
      {corrections.map((c) => (
        <p key={c.name} className="notice notice-warning">
          {t('notice.corrected', { name: c.name, given: c.given, used: c.used })}
        </p>
      ))}
      {pending.length > 0 && (
        <p className="notice">
          {t('notice.restart', { names: pending.map((n) => t(labelKey(n))).join(', ') })}
        </p>
      )}
      {divergence && (
        <p className="notice notice-error" role="alert">
          {t('notice.diverged', { step: divergence.step, value: String(divergence.value) })}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {t('notice.error', { message: error })}
        </p>
      )}
    </div>
  );
}
