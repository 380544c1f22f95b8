import { useT } from '../../i18n/I18n';
import { Rich } from './Rich';

/** §e: `model.eval()` and `torch.no_grad()` are independent, and the frozen teacher needs both. */
export function NoGradSection() {
  const t = useT();
  return (
    <section className="kl-article__section" aria-labelledby="article-no-grad">
      <h2 id="article-no-grad">
        <Rich text={t('article.noGrad.title')} />
      </h2>
      <p>{t('article.noGrad.intro')}</p>
      <ul>
        <li>
          <Rich text={t('article.noGrad.eval')} />
        </li>
        <li>
          <Rich text={t('article.noGrad.noGrad')} />
        </li>
      </ul>
      <p>
        <Rich text={t('article.noGrad.teacher')} />
      </p>
      <p>
        <Rich text={t('article.noGrad.lab')} />
      </p>
    </section>
  );
}
