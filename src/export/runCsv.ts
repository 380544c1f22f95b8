/**
 * The run as CSV: `# key=value` comment lines first (the file's format, the app version, the
 * backend, the pretrained accuracies, then every setting of the lab), then a header row and one row
 * per fine-tuning step. Spreadsheets and `pandas.read_csv(path, comment='#')` skip the comments.
 */
import { type RunRecord, STEP_COLUMNS } from './runRecord';

export function runCsv(record: RunRecord): string {
  const about: [string, unknown][] = [
    ['format', record.format],
    ['format_version', record.format_version],
    ['app_version', record.app_version],
    ['backend', record.backend],
    ['pretrain_old_task_acc', record.pretrain.old_task_acc],
    ['pretrain_new_task_acc', record.pretrain.new_task_acc],
    ...Object.entries(record.settings),
  ];
  const lines = [
    ...about.map(([key, value]) => `# ${key}=${value}`),
    STEP_COLUMNS.join(','),
    ...record.steps.map((step) => STEP_COLUMNS.map((column) => String(step[column])).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
