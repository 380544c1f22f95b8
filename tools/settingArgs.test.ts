import { describe, expect, it } from 'vitest';
import { SCENARIO_TRAINING } from '../src/engine/scenarioSettings';
import { DEFAULT_STATE } from '../src/state/schema';
import { readSettingArgs } from './settingArgs';

describe('the command line of the headless tools', () => {
  it('no arguments: the page with no query', () => {
    expect(readSettingArgs([], 'test').state).toEqual(DEFAULT_STATE);
  });

  it("--scenario digits takes the digits' rate and batch size, as ?scenario=digits does", () => {
    const { state } = readSettingArgs(['--lambda', '10', '--scenario', 'digits'], 'test');
    expect(state).toEqual({ ...DEFAULT_STATE, scenario: 'digits', lambda: 10, ...SCENARIO_TRAINING.digits });
  });

  it("a rate given anywhere on the line wins over the scenario's", () => {
    const { state } = readSettingArgs(['--lr', '0.02', '--scenario', 'digits'], 'test');
    expect(state.lr).toBe(0.02);
    expect(state.batchSize).toBe(SCENARIO_TRAINING.digits.batchSize);
  });

  it("a tool's own option is read as its own", () => {
    const { state, options } = readSettingArgs(['--runs', '3', '--seed', '2'], 'test', { runs: 1 });
    expect(options).toEqual({ runs: 3 });
    expect(state.seed).toBe(2);
  });

  it("an unreadable rate falls back to the scenario's default, as on the page", () => {
    const { state } = readSettingArgs(['--scenario', 'digits', '--lr', 'fast'], 'test');
    expect(state.lr).toBe(SCENARIO_TRAINING.digits.lr);
  });
});
