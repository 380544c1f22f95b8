/**
 * The PyTorch script as a Jupyter notebook (nbformat 4.5): one code cell per `# %%` section, so
 * that the cells joined are the script itself, character for character.
 */

const CELL_MARK = /^# %%/;

export function notebookOf(script: string): string {
  const cells: string[][] = [];
  for (const line of script.split(/(?<=\n)/)) {
    if (cells.length === 0 || CELL_MARK.test(line)) cells.push([]);
    cells[cells.length - 1].push(line);
  }
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
    },
    cells: cells.map((source, i) => ({
      cell_type: 'code',
      id: `cell-${i + 1}`,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
