import type { MessageKey } from '../../i18n/catalogs';
import type { Translate } from '../../i18n/I18n';
import type { BackendName, BackendSpeed, BackendStatus } from '../../worker/backend';

export const backendName = (name: BackendName, t: Translate) => t(`option.${name}` as MessageKey);

/** One sentence: what runs, and the measurement or the circumstance that chose it. */
export function backendSentence(backend: BackendStatus, t: Translate, language: string): string {
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
