import { useT } from '../../i18n/I18n';
import { formatPercent } from '../formatNumber';
import type { FrontierPoint, Spread } from './frontierPoints';

/** A mean, and with several seeds the range they span. */
function Value({ spread, seeds }: { spread: Spread; seeds: number }) {
  return (
    <>
      {formatPercent(spread.mean)}
      {seeds > 1 && (
        <span className="frontier-range">
          {' '}
          ({formatPercent(spread.min)}–{formatPercent(spread.max)})
        </span>
      )}
    </>
  );
}

/** The frontier's latest numbers, one row per λ. */
export function FrontierTable({
  points,
  seeds,
  step,
}: {
  points: FrontierPoint[];
  seeds: number;
  step: number;
}) {
  const t = useT();
  return (
    <table className="frontier-table">
      <caption>{t('frontier.table.caption', { step })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('frontier.table.lambda')}</th>
          <th scope="col">{t('frontier.table.oldTask')}</th>
          <th scope="col">{t('frontier.table.newTask')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.lambda}>
            <th scope="row">{p.lambda}</th>
            <td>
              <Value spread={p.oldTask} seeds={seeds} />
            </td>
            <td>
              <Value spread={p.newTask} seeds={seeds} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
