import { useT } from '../../i18n/I18n';
import { CodePanel } from '../code';
import './article.css';
import { KLSection } from './KLSection';
import { ModesSection } from './ModesSection';
import { NoGradSection } from './NoGradSection';
import { ObjectiveSection } from './ObjectiveSection';
import { SoftmaxSection } from './SoftmaxSection';

/** The narrative beside the live lab: objective and its code, KL, softmax, train/eval mode, eval versus no_grad. */
export function Article() {
  const t = useT();
  return (
    <article className="kl-article" aria-label={t('article.label')}>
      <ObjectiveSection />
      {/* The code reading sits under the formula it implements, beside the (sticky) loss chart. */}
      <CodePanel />
      <KLSection />
      <SoftmaxSection />
      <ModesSection />
      <NoGradSection />
    </article>
  );
}
