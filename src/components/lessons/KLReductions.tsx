import { useT } from '../../i18n/I18n';
import type { KLDivResult } from '../../worker/lessonsProtocol';
import { Rich } from '../article/Rich';
import { formatDecimals } from '../formatNumber';
import { MatrixTable, sampleRows } from './MatrixTable';
import { ScrollBox } from './ScrollBox';

const SCALAR_REDUCTIONS = ['batchmean', 'sum', 'mean'] as const;

/** F.kl_div(log Q, P): its pointwise terms, and every reduction of them, with either kind of target. */
export function KLReductions({ result }: { result: KLDivResult }) {
  const t = useT();
  const { probabilityTarget, logTarget } = result.pq;
  const batch = result.p.length;
  const classes = result.p[0]?.length ?? 0;
  return (
    <>
      <MatrixTable
        caption={t('lessons.kl.noneCaption')}
        rows={sampleRows(t, probabilityTarget.none, probabilityTarget.perSample)}
        extraHeader={t('lessons.kl.perSample')}
      />
      <ScrollBox>
        <table className="lessons__matrix">
          <caption>
            <Rich text={t('lessons.kl.reductionsCaption')} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('lessons.kl.reductionColumn')}</th>
              <th scope="col">
                <Rich text={t('lessons.kl.probabilityTargetColumn')} />
              </th>
              <th scope="col">
                <Rich text={t('lessons.kl.logTargetColumn')} />
              </th>
            </tr>
          </thead>
          <tbody>
            {SCALAR_REDUCTIONS.map((reduction) => (
              <tr key={reduction}>
                <th scope="row">
                  <code>{reduction}</code>
                </th>
                <td>{formatDecimals(probabilityTarget[reduction])}</td>
                <td>{formatDecimals(logTarget[reduction])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <code>none</code>
              </th>
              <td colSpan={2}>{t('lessons.kl.noneRow')}</td>
            </tr>
          </tbody>
        </table>
      </ScrollBox>
      <p>
        <Rich text={t('lessons.kl.reductions', { elements: batch * classes, batch, classes })} />
      </p>
    </>
  );
}
