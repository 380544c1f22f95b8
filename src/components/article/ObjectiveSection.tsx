import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { TermButton } from '../code/TermButton';
import { formatShort } from '../formatNumber';
import { expectedKlTex } from './expectedKlTex';
import { Formula } from './Formula';
import { KLInputsNote } from './KLInputsNote';
import { Rich } from './Rich';

const PI = String.raw`\pi_{\theta}`;
const PI_OLD = String.raw`\pi_{\theta_0}`;
const LAMBDA = String.raw`\lambda`;
const KL_OLD_NEW = String.raw`D_{\mathrm{KL}}(\pi_{\theta_0} \,\|\, \pi_{\theta})`;
const KL_NEW_OLD = String.raw`D_{\mathrm{KL}}(\pi_{\theta} \,\|\, \pi_{\theta_0})`;

// The total loss in pieces, one per term, so each can link to its code line and chart series.
// `\displaystyle` keeps display-size symbols; `{}={}` and `{}+{}` keep TeX's spacing around operators.
const TOTAL = String.raw`\displaystyle \mathcal{L}_{\text{total}}`;
const EQUALS = '{}={}';
const CE = String.raw`\displaystyle \mathcal{L}_{\text{CE}}`;
const PLUS = '{}+{}';
const WEIGHT = String.raw`\displaystyle \lambda`;

/** §a: loss = CE + λ·KL, which direction of KL, and where the source article contradicts itself. */
export function ObjectiveSection() {
  const t = useT();
  const direction = useLabView((view) => view.settings.direction);
  const lambda = useLabView((view) => view.settings.lambda);
  const klInputs = useLabView((view) => view.settings.klInputs);
  const oldFirst = direction === 'old||new';

  const pi = <Formula tex={PI} label={t('article.math.pi')} />;
  const piOld = <Formula tex={PI_OLD} label={t('article.math.piOld')} />;
  const lambdaSymbol = <Formula tex={LAMBDA} label={t('article.math.lambda')} />;
  const klOldNew = <Formula tex={KL_OLD_NEW} label={t('article.math.klOldNew')} />;
  const klNewOld = <Formula tex={KL_NEW_OLD} label={t('article.math.klNewOld')} />;

  return (
    <section className="kl-article__section" aria-labelledby="article-objective">
      <h2 id="article-objective">{t('article.objective.title')}</h2>
      <p>
        <Rich text={t('article.objective.intro')} slots={{ pi, piOld }} />
      </p>
      <fieldset
        className="kl-formula--display objective-terms"
        aria-label={t(
          oldFirst ? 'article.objective.formulaLabel.oldNew' : 'article.objective.formulaLabel.newOld',
          { inputs: t(`article.math.inputs.${klInputs}`) },
        )}
      >
        <TermButton term="totalLoss">
          <Formula tex={TOTAL} label={t('code.term.totalLoss')} />
        </TermButton>
        <Formula tex={EQUALS} label={t('code.formula.equals')} />
        <TermButton term="lossNew">
          <Formula tex={CE} label={t('code.term.lossNew')} />
        </TermButton>
        <Formula tex={PLUS} label={t('code.formula.plus')} />
        {/* λ·KL is two buttons side by side (buttons cannot nest); λ stands for the whole product. */}
        <TermButton term="lambdaKl">
          <Formula tex={WEIGHT} label={t('code.term.lambdaKl')} />
        </TermButton>
        <TermButton term="klPenalty" partOf="lambdaKl">
          <Formula
            tex={oldFirst ? expectedKlTex(PI_OLD, PI, klInputs) : expectedKlTex(PI, PI_OLD, klInputs)}
            label={t('code.term.klPenalty')}
          />
        </TermButton>
      </fieldset>
      <p className="term-hint">{t('code.formula.hint')}</p>
      <p>
        <Rich
          text={t('article.objective.lambda', { value: formatShort(lambda, 4) })}
          slots={{ lambda: lambdaSymbol }}
        />
      </p>
      <p>
        <Rich
          text={t(oldFirst ? 'article.objective.direction.oldNew' : 'article.objective.direction.newOld')}
          slots={{ kl: oldFirst ? klOldNew : klNewOld }}
        />
      </p>
      <KLInputsNote />
      <div className="kl-article__note">
        <h3 id="article-objective-notes">{t('article.objective.notes.title')}</h3>
        <ul aria-labelledby="article-objective-notes">
          <li>
            <Rich text={t('article.objective.notes.lambda')} slots={{ lambda: lambdaSymbol }} />
          </li>
          <li>
            <Rich text={t('article.objective.notes.direction')} slots={{ klNewOld, klOldNew }} />
          </li>
          <li>
            <Rich text={t('article.objective.notes.step')} />
          </li>
        </ul>
      </div>
    </section>
  );
}
