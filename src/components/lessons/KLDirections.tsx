import { useT } from '../../i18n/I18n';
import type { KLDivResult } from '../../worker/lessonsProtocol';
import type { LiveBatch } from '../../worker/protocol';
import { Rich } from '../article/Rich';
import { KLDirectionPicture } from './KLDirectionPicture';
import { LabelledValue } from './LabelledValue';

/** KL(P ‖ Q) against KL(Q ‖ P): the explorer's values, the lab's batch, and what each direction favours. */
export function KLDirections({ result, batch }: { result: KLDivResult; batch: LiveBatch | null }) {
  const t = useT();
  return (
    <>
      <h3>{t('lessons.direction.title')}</h3>
      <div className="lessons__values">
        <LabelledValue label={t('lessons.direction.pq')} value={result.pq.probabilityTarget.batchmean} />
        <LabelledValue label={t('lessons.direction.qp')} value={result.qp.probabilityTarget.batchmean} />
      </div>
      <p>{t('lessons.direction.differ')}</p>
      <h4>{t('lessons.direction.liveTitle')}</h4>
      {batch ? (
        <>
          <p>
            <Rich text={t('lessons.direction.liveIntro', { size: batch.size })} />
          </p>
          <div className="lessons__values">
            <LabelledValue label={t('lessons.direction.liveOldNew')} value={batch.klOldNew} />
            <LabelledValue label={t('lessons.direction.liveNewOld')} value={batch.klNewOld} />
          </div>
        </>
      ) : (
        <p>{t('lessons.direction.liveMissing')}</p>
      )}
      <KLDirectionPicture />
      <p>
        <strong>{t('lessons.direction.forward.title')}</strong> {t('lessons.direction.forward.text')}
      </p>
      <p>
        <strong>{t('lessons.direction.reverse.title')}</strong> {t('lessons.direction.reverse.text')}
      </p>
      <p>
        <Rich text={t('lessons.direction.inLab')} />
      </p>
    </>
  );
}
