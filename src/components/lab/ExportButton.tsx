import { type ChangeEvent, type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import { parseRun } from '../../export/parseRun';
import { runCsv } from '../../export/runCsv';
import { runJson } from '../../export/runRecord';
import { scriptGap } from '../../export/scriptCovers';
import { recordOfView } from '../../export/viewRecord';
import { useT } from '../../i18n/I18n';
import { useLabStore, useLabView } from '../../state/LabContext';
import { chartPng, chartSvg } from '../export/chartImage';
import { download } from '../export/download';
import { DialogButton, ModalDialog } from './DialogButton';

/**
 * The Export button and its dialog: the run as CSV or JSON, the run as a PyTorch script or notebook
 * (written by the lab worker, which holds the pretrained weights and the minibatches), the charts on
 * the page as PNG or SVG, and a saved JSON run imported to compare with.
 */
export function ExportButton() {
  const t = useT();
  return (
    <DialogButton
      label={t('export.button')}
      className="export-button"
      dialog={(onClose) => <ExportDialog onClose={onClose} />}
    />
  );
}

/** The run as the files the dialog saves, each from the same record. */
const RUN_FILES = [
  { name: 'kl-lab-run.csv', label: 'export.csv', type: 'text/csv;charset=utf-8', write: runCsv },
  { name: 'kl-lab-run.json', label: 'export.json', type: 'application/json', write: runJson },
] as const;

function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const store = useLabStore();
  const firstSection = useRef<HTMLElement>(null);
  const hasSteps = useLabView((v) => v.steps.length > 0);
  const pytorch = useLabView((v) => v.pytorch);
  const gap = useLabView((v) => scriptGap({ scenario: v.runSettings.scenario }));
  const gapId = useId();
  const [charts, setCharts] = useState<{ title: string; figure: Element }[]>([]);
  const [chartError, setChartError] = useState<string | null>(null);
  const [imported, setImported] = useState<{ ok: boolean; message: string } | null>(null);
  // Only scripts asked for while this dialog is open are downloaded.
  const seenScript = useRef(pytorch.file?.serial ?? 0);

  useEffect(() => {
    const lab = firstSection.current?.closest('.lab');
    setCharts(
      [...(lab?.querySelectorAll('figure.chart') ?? [])].map((figure) => ({
        title: figure.querySelector('figcaption')?.textContent ?? '',
        figure,
      })),
    );
  }, []);

  useEffect(() => {
    const file = pytorch.file;
    if (!file || file.serial <= seenScript.current) return;
    seenScript.current = file.serial;
    if (file.notebook) download('kl_lab_run.ipynb', file.text, 'application/x-ipynb+json');
    else download('kl_lab_run.py', file.text, 'text/x-python;charset=utf-8');
  }, [pytorch.file]);

  const saveChart = async (figure: Element, title: string, format: 'png' | 'svg') => {
    setChartError(null);
    const name = `kl-lab-${title.trim().replace(/\s+/g, '-').toLowerCase()}.${format}`;
    try {
      if (format === 'svg') download(name, chartSvg(figure), 'image/svg+xml');
      else download(name, await chartPng(figure));
    } catch (e) {
      setChartError(t('export.chartFailed', { message: (e as Error).message }));
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again reads it again
    if (!file) return;
    const parsed = parseRun(await file.text());
    if (!parsed.ok) {
      setImported({ ok: false, message: t('export.importFailed', { message: parsed.error }) });
      return;
    }
    store.importRun(parsed.record);
    setImported({
      ok: true,
      message: t('export.imported', {
        steps: parsed.record.steps.length,
        lambda: parsed.record.settings.lambda,
      }),
    });
  };

  return (
    <ModalDialog
      heading={t('export.heading')}
      closeLabel={t('export.close')}
      className="embed-dialog export-dialog"
      onClose={onClose}
    >
      <DialogSection
        ref={firstSection}
        heading={t('export.run')}
        hint={hasSteps ? t('export.runHint') : t('export.noSteps')}
      >
        <div className="export-actions">
          {RUN_FILES.map((file) => (
            <button
              key={file.name}
              type="button"
              disabled={!hasSteps}
              onClick={() => download(file.name, file.write(recordOfView(store.getView())), file.type)}
            >
              {t(file.label)}
            </button>
          ))}
        </div>
      </DialogSection>

      <DialogSection heading={t('export.pytorch')} hint={t('export.pytorchHint')}>
        <div className="export-actions">
          {[false, true].map((notebook) => (
            <button
              key={String(notebook)}
              type="button"
              disabled={!hasSteps || pytorch.writing || gap !== null}
              aria-describedby={gap ? gapId : undefined}
              onClick={() => store.exportPyTorch(notebook)}
            >
              {t(notebook ? 'export.ipynb' : 'export.py')}
            </button>
          ))}
          {pytorch.writing && <span role="status">{t('export.writing')}</span>}
        </div>
        {gap && (
          <p id={gapId} className="export-gap">
            {t('digits.pytorchGap', { what: t(`digits.gap.${gap}`) })}
          </p>
        )}
        {pytorch.error && (
          <p role="alert" className="export-error">
            {pytorch.errorAbout === 'replayPartWay'
              ? t('export.replayPartWay')
              : t('export.pytorchFailed', { message: pytorch.error })}
          </p>
        )}
      </DialogSection>

      <DialogSection heading={t('export.charts')} hint={t('export.chartsHint')}>
        <ul className="export-charts">
          {charts.map(({ title, figure }) => (
            <li key={title}>
              <span>{title}</span>
              {(['png', 'svg'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  aria-label={t(format === 'png' ? 'export.chartPng' : 'export.chartSvg', { chart: title })}
                  onClick={() => saveChart(figure, title, format)}
                >
                  {t(format === 'png' ? 'export.png' : 'export.svg')}
                </button>
              ))}
            </li>
          ))}
        </ul>
        {chartError && <p role="alert">{chartError}</p>}
      </DialogSection>

      <DialogSection heading={t('export.import')} hint={t('export.importHint')}>
        <label className="export-import">
          {t('export.importFile')}
          <input type="file" accept=".json,application/json" onChange={importFile} />
        </label>
        {imported && (
          <p role={imported.ok ? 'status' : 'alert'} className={imported.ok ? undefined : 'export-error'}>
            {imported.message}
          </p>
        )}
      </DialogSection>
    </ModalDialog>
  );
}

/** One part of the dialog, named by its heading for screen readers. */
function DialogSection({
  heading,
  hint,
  ref,
  children,
}: {
  heading: string;
  hint: string;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section ref={ref} aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <p className="embed-intro">{hint}</p>
      {children}
    </section>
  );
}
