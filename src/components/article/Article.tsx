import { useT } from '../../i18n/I18n';
import './article.css';
import { KLSection } from './KLSection';
import { ModesSection } from './ModesSection';
import { NoGradSection } from './NoGradSection';
import { ObjectiveSection } from './ObjectiveSection';
import { SoftmaxSection } from './SoftmaxSection';

/** The narrative beside the live lab: objective, KL, softmax, train/eval mode, eval versus no_grad. */
export function Article() {
  const t = useT();
  return (
    <article className="kl-article" aria-label={t('article.label')}>
      <ObjectiveSection />
      <KLSection />
      <SoftmaxSection />
      <ModesSection />
      <NoGradSection />
    </article>
  );
}
