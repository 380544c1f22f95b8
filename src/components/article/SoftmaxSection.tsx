import { useT } from '../../i18n/I18n';
import { Formula } from './Formula';
import { Rich } from './Rich';

const SOFTMAX = String.raw`\operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}`;
const LOG_SOFTMAX = String.raw`\operatorname{log\_softmax}(z)_i = z_i - \log \sum_j e^{z_j}`;
const LOG_SUM_EXP = String.raw`\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}, \qquad m = \max_j z_j`;

/** §c: softmax, log-softmax, and why the log-probabilities are computed directly. */
export function SoftmaxSection() {
  const t = useT();
  return (
    <section className="kl-article__section" aria-labelledby="article-softmax">
      <h2 id="article-softmax">{t('article.softmax.title')}</h2>
      <p>
        <Rich
          text={t('article.softmax.intro')}
          slots={{ z: <Formula tex="z" label={t('article.softmax.zLabel')} /> }}
        />
      </p>
      <Formula display tex={SOFTMAX} label={t('article.softmax.formulaLabel')} />
      <p>{t('article.softmax.log')}</p>
      <Formula display tex={LOG_SOFTMAX} label={t('article.softmax.logFormulaLabel')} />
      <p>
        <Rich
          text={t('article.softmax.why')}
          slots={{
            logZero: <Formula tex={String.raw`\log 0 = -\infty`} label={t('article.softmax.logZeroLabel')} />,
            m: <Formula tex="m" label={t('article.softmax.mLabel')} />,
          }}
        />
      </p>
      <Formula display tex={LOG_SUM_EXP} label={t('article.softmax.lseLabel')} />
      <p>{t('article.softmax.whyEnd')}</p>
      <p>
        <Rich text={t('article.softmax.inKl')} />
      </p>
    </section>
  );
}
