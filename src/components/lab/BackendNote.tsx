import type { MessageKey } from '../../i18n/catalogs';
import { type Translate, useLanguage, useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { BackendName, BackendSpeed, BackendStatus } from '../../worker/backend';

/** The running backend and why it was chosen, with any backend that failed before it. */
export function BackendNote() {
  const t = useT();
  const language = useLanguage();
  const backend = useLabView((v) => v.backend);
  if (!backend) return <p className="backend-note">{t('phase.starting')}</p>;
  return (
    <div className="backend-note">
      <p>{reasonSentence(backend, t, language)}</p>
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

const backendName = (name: BackendName, t: Translate) => t(`option.${name}` as MessageKey);

/** One sentence: what runs, and the measurement or the circumstance that chose it. */
function reasonSentence(backend: BackendStatus, t: Translate, language: string): string {
  const name = backendName(backend.name, t);
  if (backend.reason !== 'measured') return t(`backend.reason.${backend.reason}`, { name });
  // A measured choice always lists the chosen backend's speed first.
  const [chosen, ...others] = backend.measured as [BackendSpeed, ...BackendSpeed[]];
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  const rate = (stepsPerSecond: number) => String(Math.round(stepsPerSecond));
  const params = {
    name,
    rate: rate(chosen.stepsPerSecond),
    others: list(
      others.map((o) => t('backend.rateOn', { rate: rate(o.stepsPerSecond), name: backendName(o.name, t) })),
    ),
    software: list(backend.softwareOnly.map((b) => backendName(b, t))),
  };
  const software = backend.softwareOnly.length > 0;
  if (others.length > 0)
    return t(software ? 'backend.measured.comparedSoftware' : 'backend.measured.compared', params);
  return t(software ? 'backend.measured.aloneSoftware' : 'backend.measured.alone', params);
}
