import { useT } from '../../i18n/I18n';
import { useLabView } from '../../state/LabContext';
import type { ModesGridCell } from '../../worker/protocol';
import { formatSignificant } from '../formatNumber';

/** model.eval() × torch.no_grad() for model_old on the live batch: each cell measured by the engine. */
export function ModesGrid() {
  const t = useT();
  const grid = useLabView((v) => v.modesGrid);
  const answer = (yes: boolean) => t(yes ? 'grid.yes' : 'grid.no');
  const cell = (mode: 'train' | 'eval', noGrad: boolean): ModesGridCell | undefined =>
    grid?.find((c) => c.mode === mode && c.noGrad === noGrad);
  return (
    <section className="modes-grid" aria-labelledby="grid-heading">
      <h2 id="grid-heading">{t('grid.title')}</h2>
      <p>{t('grid.intro')}</p>
      {!grid || grid.length === 0 ? (
        <p>{t('grid.waiting')}</p>
      ) : (
        <table>
          <caption>{t('grid.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grid.mode')}</th>
              <th scope="col">{t('grid.noGradOn')}</th>
              <th scope="col">{t('grid.noGradOff')}</th>
            </tr>
          </thead>
          <tbody>
            {(['train', 'eval'] as const).map((mode) => (
              <tr key={mode}>
                <th scope="row">
                  <code>model_old.{mode}()</code>
                </th>
                {[true, false].map((noGrad) => {
                  const c = cell(mode, noGrad);
                  return (
                    <td key={String(noGrad)}>
                      {c && (
                        <ul>
                          <li>{t('grid.random', { answer: answer(c.randomOutput) })}</li>
                          <li>{t('grid.stats', { answer: answer(c.statsMove) })}</li>
                          <li>
                            {t('grid.grads', {
                              answer:
                                c.gradNorm > 0
                                  ? t('grid.gradsYes', { norm: formatSignificant(c.gradNorm, 3) })
                                  : answer(false),
                            })}
                          </li>
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
