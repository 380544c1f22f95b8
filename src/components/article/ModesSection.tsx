import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { ModeTable } from './ModeTable';
import { Rich } from './Rich';

/** §d: what train and eval mode change, and what the lab's current modes mean for this run. */
export function ModesSection() {
  const t = useT();
  const modelMode = useLabView((view) => view.settings.modelMode);
  const modelOldMode = useLabView((view) => view.settings.modelOldMode);
  const asArticle = modelMode === 'train' && modelOldMode === 'eval';

  return (
    <section className="kl-article__section" aria-labelledby="article-modes">
      <h2 id="article-modes">{t('article.modes.title')}</h2>
      <p>
        <Rich text={t('article.modes.intro')} />
      </p>
      {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
      <section className="kl-article__table-scroll" aria-labelledby="article-modes" tabIndex={0}>
        <ModeTable />
      </section>
      {asArticle && (
        <p>
          <Rich text={t('article.modes.live.asArticle')} />
        </p>
      )}
      {modelMode === 'eval' && (
        <p className="kl-article__live">
          <Rich text={t('article.modes.live.modelEval')} />
        </p>
      )}
      {modelOldMode === 'train' && (
        <p className="kl-article__live">
          <Rich text={t('article.modes.live.oldTrain')} />
        </p>
      )}
    </section>
  );
}
