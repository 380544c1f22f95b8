import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { Formula } from './Formula';
import { Rich } from './Rich';

const DEFINITION = String.raw`D_{\mathrm{KL}}(P \,\|\, Q) = \sum_i P(i) \log \frac{P(i)}{Q(i)} = \sum_i P(i) \big( \log P(i) - \log Q(i) \big)`;
const ASYMMETRY = String.raw`D_{\mathrm{KL}}(P \,\|\, Q) \neq D_{\mathrm{KL}}(Q \,\|\, P)`;
const ZERO_LOG_ZERO = String.raw`0 \cdot \log 0 = 0`;
const TERM = String.raw`\ell_{b,i} = p_{b,i} \left( \log p_{b,i} - \log q_{b,i} \right)`;
const SIZE = String.raw`B \times C`;

const REDUCTIONS = [
  {
    name: 'batchmean',
    tex: String.raw`\frac{1}{B} \sum_{b=1}^{B} \sum_{i=1}^{C} \ell_{b,i}`,
    text: 'article.kl.reduction.batchmean',
    label: 'article.kl.reduction.batchmeanLabel',
  },
  {
    name: 'sum',
    tex: String.raw`\sum_{b=1}^{B} \sum_{i=1}^{C} \ell_{b,i}`,
    text: 'article.kl.reduction.sum',
    label: 'article.kl.reduction.sumLabel',
  },
  {
    name: 'mean',
    tex: String.raw`\frac{1}{B\,C} \sum_{b=1}^{B} \sum_{i=1}^{C} \ell_{b,i}`,
    text: 'article.kl.reduction.mean',
    label: 'article.kl.reduction.meanLabel',
  },
] as const satisfies readonly { name: string; tex: string; text: MessageKey; label: MessageKey }[];

/** §b: the definition of KL, its properties, `F.kl_div`'s arguments and its reductions. */
export function KLSection() {
  const t = useT();
  const reduction = useLabView((view) => view.settings.reduction);
  const logTarget = useLabView((view) => view.settings.logTarget);

  return (
    <section className="kl-article__section" aria-labelledby="article-kl">
      <h2 id="article-kl">{t('article.kl.title')}</h2>
      <p>{t('article.kl.intro')}</p>
      <Formula display tex={DEFINITION} label={t('article.kl.formulaLabel')} />
      <ul>
        <li>{t('article.kl.nonNegative')}</li>
        <li>
          <Rich
            text={t('article.kl.asymmetric')}
            slots={{ asym: <Formula tex={ASYMMETRY} label={t('article.kl.asymmetricLabel')} /> }}
          />
        </li>
        <li>
          <Rich
            text={t('article.kl.zero')}
            slots={{
              pZero: <Formula tex="P(i) = 0" label={t('article.kl.pZeroLabel')} />,
              zeroLog: <Formula tex={ZERO_LOG_ZERO} label={t('article.kl.zeroLabel')} />,
            }}
          />
        </li>
      </ul>
      <p>
        <Rich text={t('article.kl.klDiv', { logTarget: logTarget ? 'True' : 'False' })} />
      </p>
      <p>
        <Rich
          text={t('article.kl.reduction.intro')}
          slots={{
            term: <Formula tex={TERM} label={t('article.kl.reduction.termLabel')} />,
            size: <Formula tex={SIZE} label={t('article.kl.reduction.sizeLabel')} />,
          }}
        />
      </p>
      <ul className="kl-article__reductions">
        {REDUCTIONS.map((r) => {
          const current = r.name === reduction;
          return (
            <li
              key={r.name}
              className={current ? 'is-current' : undefined}
              aria-current={current ? 'true' : undefined}
            >
              <Rich text={t(r.text)} />
              {current && <strong className="kl-article__marker"> {t('article.kl.reduction.inUse')}</strong>}
              <Formula display tex={r.tex} label={t(r.label)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
