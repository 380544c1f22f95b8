import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLessonsEngine } from '../../state/useLessonsEngine';
import { Formula } from '../article/Formula';
import { Rich } from '../article/Rich';
import { formatDecimals } from '../formatNumber';
import { ARTICLE_LOGITS, PRINTED_LOG_SOFTMAX, PRINTED_SOFTMAX } from './articleNumbers';
import { EngineNotice } from './EngineNotice';
import { LessonSection } from './LessonSection';
import { type MatrixRow, MatrixTable } from './MatrixTable';

const KL_NEW_OLD = String.raw`D_{\mathrm{KL}}\big(\pi_\theta \,\|\, \pi_{\theta_0}\big)`;
const KL_OLD_NEW = String.raw`D_{\mathrm{KL}}\big(\pi_{\theta_0} \,\|\, \pi_\theta\big)`;
const OBJECTIVE = String.raw`\mathcal{L}_{\text{total}} = \mathcal{L}_{\text{fine-tune}} + \lambda\, \mathbb{E}_{x} \big[ D_{\mathrm{KL}}\big(\pi_{\theta_0}(\cdot|x) \,\|\, \pi_\theta(\cdot|x)\big) \big]`;

const SLIPS = ['direction', 'lambda', 'tab', 'epoch'] as const;

/** Quoted rows and computed rows, interleaved so each printed row sits above its true one. */
function interleave(
  printed: readonly number[][],
  printedExtra: readonly number[],
  computed: readonly number[][],
  computedExtra: readonly number[],
  sample: (i: number) => string,
  t: (key: MessageKey, params: Record<string, string>) => string,
): MatrixRow[] {
  return printed.flatMap((values, i) => [
    {
      label: t('lessons.errata.printedRow', { sample: sample(i) }),
      values,
      extra: printedExtra[i],
      tone: 'quoted' as const,
    },
    {
      label: t('lessons.errata.computedRow', { sample: sample(i) }),
      values: computed[i],
      extra: computedExtra[i],
    },
  ]);
}

/** Lesson 2: where the article's printed numbers, formula and code are wrong, each shown or explained. */
export function ErrataLesson() {
  const t = useT();
  const sample = (i: number) => t('lessons.sample', { n: i + 1 });
  const computed = useLessonsEngine({ type: 'softmax', logits: ARTICLE_LOGITS as number[][] });
  const printedSums = useLessonsEngine({ type: 'rowSums', rows: PRINTED_SOFTMAX, exponentiate: false });
  const printedExpSums = useLessonsEngine({ type: 'rowSums', rows: PRINTED_LOG_SOFTMAX, exponentiate: true });
  const truth = computed?.result;
  const computedExpSums = useLessonsEngine(
    truth ? { type: 'rowSums', rows: truth.logSoftmax, exponentiate: true } : null,
  );
  const sums = printedSums?.result;
  const expSums = printedExpSums?.result;
  const trueExpSums = computedExpSums?.result;

  const slots = {
    klNewOld: <Formula tex={KL_NEW_OLD} label={t('lessons.errata.klNewOldLabel')} />,
    klOldNew: <Formula tex={KL_OLD_NEW} label={t('lessons.errata.klOldNewLabel')} />,
    objective: <Formula display tex={OBJECTIVE} label={t('lessons.errata.objectiveLabel')} />,
  };

  return (
    <LessonSection id="lessons-errata" title={t('lessons.errata.title')} className="lessons__errata">
      <p>{t('lessons.errata.intro')}</p>
      <EngineNotice answer={computed} />
      {truth && sums && expSums && trueExpSums && (
        <>
          <MatrixTable
            caption={t('lessons.errata.softmaxCaption')}
            rows={interleave(PRINTED_SOFTMAX, sums, truth.softmax, truth.softmaxRowSums, sample, t)}
            extraHeader={t('lessons.rowSum')}
          />
          <MatrixTable
            caption={t('lessons.errata.logSoftmaxCaption')}
            rows={interleave(PRINTED_LOG_SOFTMAX, expSums, truth.logSoftmax, trueExpSums, sample, t)}
            extraHeader={t('lessons.errata.expSum')}
          />
          <p>
            <Rich
              text={t('lessons.errata.sums', {
                second: formatDecimals(sums[1]),
                third: formatDecimals(sums[2]),
              })}
            />
          </p>
        </>
      )}
      <h3>{t('lessons.errata.othersTitle')}</h3>
      <ul className="lessons__slips">
        {SLIPS.map((slip) => (
          <li key={slip}>
            <strong>{t(`lessons.errata.${slip}.title`)}</strong>{' '}
            <Rich text={t(`lessons.errata.${slip}.text`)} slots={slots} />
          </li>
        ))}
      </ul>
    </LessonSection>
  );
}
