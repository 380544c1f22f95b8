/**
 * Reads a JSON run file back, checking every field: a file that is not a run, or a run whose values
 * the lab cannot take, is refused with a message that names the first thing wrong and where.
 */
import { type LabState, parseSetting, SETTINGS } from '../state/schema';
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunRecord, type RunStep, STEP_COLUMNS } from './runRecord';

export type ParsedRun = { ok: true; record: RunRecord } | { ok: false; error: string };

class Refusal extends Error {}

export function parseRun(text: string): ParsedRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  try {
    return { ok: true, record: readRecord(data) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message };
    throw e;
  }
}

function readRecord(data: unknown): RunRecord {
  const file = object(data, 'the file');
  if (file.format !== RUN_FORMAT) {
    throw new Refusal(
      `not a KL Lab run: "format" is ${JSON.stringify(file.format)}, expected "${RUN_FORMAT}"`,
    );
  }
  const formatVersion = file.format_version;
  if (!Number.isInteger(formatVersion) || (formatVersion as number) < 1) {
    throw new Refusal(`"format_version" must be a positive integer, got ${JSON.stringify(formatVersion)}`);
  }
  if ((formatVersion as number) > RUN_FORMAT_VERSION) {
    throw new Refusal(
      `the file is format version ${formatVersion}; this lab reads up to version ${RUN_FORMAT_VERSION}`,
    );
  }
  const settings = readSettings(file.settings);
  if (file.seed !== settings.seed) {
    throw new Refusal(`"seed" (${JSON.stringify(file.seed)}) differs from settings.seed (${settings.seed})`);
  }
  const pretrain = object(file.pretrain, '"pretrain"');
  const steps = array(file.steps, '"steps"').map((entry, i) => readStep(entry, i));
  return {
    format: RUN_FORMAT,
    format_version: formatVersion as number,
    app_version: text(file.app_version, '"app_version"'),
    settings,
    seed: settings.seed,
    backend: text(file.backend, '"backend"'),
    pretrain: {
      old_task_acc: number(pretrain.old_task_acc, 'pretrain.old_task_acc'),
      new_task_acc: number(pretrain.new_task_acc, 'pretrain.new_task_acc'),
    },
    steps,
  };
}

/** Every setting must be present and valid as it is: an import never silently changes a value. */
function readSettings(data: unknown): LabState {
  const given = object(data, '"settings"');
  const state: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const where = `settings.${setting.name}`;
    if (!Object.hasOwn(given, setting.name)) throw new Refusal(`${where} is missing`);
    const value = given[setting.name];
    const expected = setting.kind === 'choice' ? 'string' : setting.kind;
    if (typeof value !== expected) {
      throw new Refusal(`${where} must be a ${expected}, got ${JSON.stringify(value)}`);
    }
    const read = parseSetting(setting, String(value));
    if (read.corrected) throw new Refusal(`${where} = ${JSON.stringify(value)} is not a valid value`);
    state[setting.name] = read.value;
  }
  const unknown = Object.keys(given).filter((name) => !SETTINGS.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Refusal(`unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  return state as LabState;
}

function readStep(data: unknown, index: number): RunStep {
  const where = `steps[${index}]`;
  const entry = object(data, where);
  const step = Object.fromEntries(
    STEP_COLUMNS.map((column) => [column, number(entry[column], `${where}.${column}`)]),
  ) as unknown as RunStep;
  if (step.step !== index + 1) throw new Refusal(`${where}.step is ${step.step}, expected ${index + 1}`);
  return step;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Refusal(`${where} must be an object, got ${kindOf(value)}`);
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Refusal(`${where} must be an array, got ${kindOf(value)}`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Refusal(`${where} must be a string, got ${kindOf(value)}`);
  return value;
}

/** A number, or null where the run wrote a value that was not finite (JSON has no NaN). */
function number(value: unknown, where: string): number {
  if (value === null) return Number.NaN;
  if (typeof value !== 'number') throw new Refusal(`${where} must be a number, got ${kindOf(value)}`);
  return value;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
