import type { MessageKey } from '../../i18n/catalogs';
import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import { Formula } from './Formula';
import { Rich } from './Rich';

type Mode = 'train' | 'eval';

const COLUMNS = [
  { mode: 'train', heading: 'article.modes.trainColumn' },
  { mode: 'eval', heading: 'article.modes.evalColumn' },
] as const satisfies readonly { mode: Mode; heading: MessageKey }[];

const ROWS = [
  {
    heading: 'article.modes.row.purpose',
    train: 'article.modes.train.purpose',
    eval: 'article.modes.eval.purpose',
  },
  {
    heading: 'article.modes.row.dropout',
    train: 'article.modes.train.dropout',
    eval: 'article.modes.eval.dropout',
  },
  {
    heading: 'article.modes.row.batchNorm',
    train: 'article.modes.train.batchNorm',
    eval: 'article.modes.eval.batchNorm',
  },
  {
    heading: 'article.modes.row.gradients',
    train: 'article.modes.train.gradients',
    eval: 'article.modes.eval.gradients',
  },
] as const satisfies readonly { heading: MessageKey; train: MessageKey; eval: MessageKey }[];

const DROPOUT_SCALE = String.raw`\frac{1}{1 - p}`;

/**
 * What `model.train()` and `model.eval()` change. The column of the mode `model` is in, and the one
 * `model_old` is in, are highlighted and say so in words (`aria-current` on their headers).
 */
export function ModeTable() {
  const t = useT();
  const modelMode = useLabView((view) => view.settings.modelMode);
  const modelOldMode = useLabView((view) => view.settings.modelOldMode);
  const isCurrent = (mode: Mode) => mode === modelMode || mode === modelOldMode;
  const scale = <Formula tex={DROPOUT_SCALE} label={t('article.modes.train.dropoutScaleLabel')} />;

  return (
    <table className="kl-mode-table">
      <caption>
        <Rich text={t('article.modes.caption')} />
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('article.modes.aspect')}</th>
          {COLUMNS.map(({ mode, heading }) => (
            <th
              key={mode}
              scope="col"
              className={isCurrent(mode) ? 'is-current' : undefined}
              aria-current={isCurrent(mode) ? 'true' : undefined}
            >
              <Rich text={t(heading)} />
              {mode === modelMode && (
                <span className="kl-article__marker">
                  <Rich text={t('article.modes.current.model')} />
                </span>
              )}
              {mode === modelOldMode && (
                <span className="kl-article__marker">
                  <Rich text={t('article.modes.current.modelOld')} />
                </span>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.heading}>
            <th scope="row">{t(row.heading)}</th>
            {COLUMNS.map(({ mode }) => (
              <td key={mode} className={isCurrent(mode) ? 'is-current' : undefined}>
                <Rich text={t(row[mode])} slots={{ scale }} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
