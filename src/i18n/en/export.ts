/** The Export dialog: the run as files, the run as PyTorch, the charts as images, and importing a run. */
export const exportDialog = {
  'export.button': 'Export',
  'export.heading': 'Take the run with you',
  'export.close': 'Close',
  'export.run': 'The run',
  'export.runHint':
    'Every fine-tuning step so far (loss_new, kl_penalty, total_loss, both accuracies, λ), with the settings, the seed, the backend and the app version.',
  'export.csv': 'Run as CSV',
  'export.json': 'Run as JSON',
  'export.noSteps': 'Take a step first: there is nothing to export yet.',
  'export.pytorch': 'Open in PyTorch',
  'export.pytorchHint':
    'One Python file that needs only torch: this run’s data, the pretrained weights, the minibatches the lab drew and the training step for these settings. With dropout 0 it gives the lab’s losses to about six digits; with dropout, PyTorch draws its own masks.',
  'export.py': 'Open in PyTorch (.py)',
  'export.ipynb': 'Open in PyTorch (.ipynb)',
  'export.writing': 'Writing the script…',
  'export.pytorchFailed': 'The script could not be written: {message}',
  'export.replayPartWay':
    'No script can repeat this run: it measured the KL on the fine-tuning batch before it switched to replayed old-task inputs, and those steps drew no replayed rows. Press Reset, then export the new run.',
  'export.charts': 'Charts',
  'export.chartsHint':
    'The charts on the page now; a chart in another tab appears here when its tab is open.',
  'export.png': 'PNG',
  'export.svg': 'SVG',
  'export.chartPng': '{chart} as PNG',
  'export.chartSvg': '{chart} as SVG',
  'export.chartFailed': 'The chart could not be saved: {message}',
  'export.import': 'Compare with a saved run',
  'export.importHint':
    'A JSON run file from this lab: the lab takes its settings and starts a new run, and the saved run appears on the charts beside it.',
  'export.importFile': 'Import a JSON run',
  'export.importFailed': 'That file is not a run this lab can read: {message}',
  'export.imported': 'Imported: {steps} steps at λ = {lambda}. A new run with its settings is starting.',
} as const;
