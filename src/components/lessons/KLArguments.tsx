import { useT } from '../../i18n/I18n';
import type { KLDivResult } from '../../worker/lessonsProtocol';
import { Rich } from '../article/Rich';
import { MatrixTable } from './MatrixTable';

/** What `F.kl_div` is handed with and without `log_target`, and why the value does not change. */
export function KLArguments({ result }: { result: KLDivResult }) {
  const t = useT();
  const sample = (i: number) => t('lessons.sample', { n: i + 1 });
  const rows = result.logQ.flatMap((logQ, i) => [
    { label: <Rich text={t('lessons.kl.inputRow', { sample: sample(i) })} />, values: logQ },
    { label: <Rich text={t('lessons.kl.targetRow', { sample: sample(i) })} />, values: result.p[i] },
    { label: <Rich text={t('lessons.kl.logTargetRow', { sample: sample(i) })} />, values: result.logP[i] },
  ]);
  const pHasZero = result.p.some((row) => row.includes(0));
  return (
    <>
      <h3>{t('lessons.kl.argumentsTitle')}</h3>
      <MatrixTable caption={t('lessons.kl.argumentsCaption')} rows={rows} />
      <p>
        <Rich text={t('lessons.kl.logTarget')} />
      </p>
      {pHasZero && (
        <p className="notice">
          <Rich text={t('lessons.kl.logTargetZero')} />
        </p>
      )}
    </>
  );
}
