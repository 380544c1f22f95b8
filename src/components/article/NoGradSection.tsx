import { useT } from '../../i18n/I18n';
import { Rich } from './Rich';

/** What each switch does, one item each. */
const SWITCHES = ['article.noGrad.eval', 'article.noGrad.noGrad'] as const;
/** What follows for the teacher, and what the lab shows of it. */
const CONCLUSIONS = ['article.noGrad.teacher', 'article.noGrad.lab'] as const;

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
        {SWITCHES.map((key) => (
          <li key={key}>
            <Rich text={t(key)} />
          </li>
        ))}
      </ul>
      {CONCLUSIONS.map((key) => (
        <p key={key}>
          <Rich text={t(key)} />
        </p>
      ))}
    </section>
  );
}
