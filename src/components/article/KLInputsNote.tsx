import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { INPUT_DISTRIBUTION_TEX } from './expectedKlTex';
import { Formula } from './Formula';
import { Rich } from './Rich';

const X_FROM_FINETUNE = String.raw`x \sim ${INPUT_DISTRIBUTION_TEX.finetune}`;
const X_FROM_OLD = String.raw`x \sim ${INPUT_DISTRIBUTION_TEX.replay}`;

/**
 * Where the expectation's x comes from: the article's fine-tuning batch, or replayed old-task inputs.
 * The article has no controls of its own, so the live sentence says which one the lab uses and where
 * to switch it.
 */
export function KLInputsNote() {
  const t = useT();
  const klInputs = useLabView((view) => view.settings.klInputs);
  const dFinetune = <Formula tex={X_FROM_FINETUNE} label={t('article.math.xFromFinetune')} />;
  const dOld = <Formula tex={X_FROM_OLD} label={t('article.math.xFromOld')} />;

  return (
    <>
      <h3 id="article-objective-inputs">{t('article.objective.inputs.title')}</h3>
      <p>
        <Rich text={t('article.objective.inputs.body')} slots={{ dFinetune, dOld }} />
      </p>
      <p className="kl-article__live">
        <Rich
          text={t(`article.objective.inputs.live.${klInputs}`, {
            setting: t('setting.klInputs'),
            tab: t('tab.settings'),
          })}
          slots={{ dOld }}
        />
      </p>
    </>
  );
}
