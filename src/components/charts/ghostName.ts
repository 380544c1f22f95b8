import type { Translate } from '../../i18n/I18n';
import { SETTINGS } from '../../state/schema';
import type { GhostRun } from '../../state/store';
import { optionKey, shortKey } from '../lab/SettingControl';

/** An earlier run's name on the chart: its λ as the presets write it, whatever else differed, and whether it came from a file. */
export function ghostName(ghost: GhostRun, t: Translate): string {
  const parts = [`${t(shortKey('lambda'))} = ${ghost.lambda}`];
  for (const { name, value } of ghost.differences) {
    const kind = SETTINGS.find((s) => s.name === name)?.kind;
    parts.push(`${t(shortKey(name))} = ${kind === 'choice' ? t(optionKey(name, value)) : value}`);
  }
  if (ghost.imported) parts.push(t('charts.ghost.imported'));
  return parts.join(', ');
}
