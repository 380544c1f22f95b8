import { describe, expect, it } from 'vitest';
import { SCENARIO_TRAINING } from '../engine/scenarioSettings';
import {
  DEFAULT_STATE,
  followScenario,
  type LabState,
  queryFromState,
  SETTINGS,
  type Setting,
  stateFromQuery,
} from './schema';

/** A valid value other than the default. */
function otherValue(s: Setting): number | boolean | string | undefined {
  switch (s.kind) {
    case 'number':
      return s.integer ? s.max : (s.min + s.max) / 2;
    case 'boolean':
      return !s.default;
    case 'choice':
      return s.options.find((o) => o !== s.default);
  }
}

describe('the state schema in the URL', () => {
  it('the default state has an empty query, and an empty query gives the default state', () => {
    expect(queryFromState(DEFAULT_STATE)).toBe('');
    expect(stateFromQuery('')).toEqual({ state: DEFAULT_STATE, corrections: [] });
  });

  it('round-trips a state that changes every setting', () => {
    const changed = Object.fromEntries(
      (SETTINGS as readonly Setting[]).map((s) => [s.name, otherValue(s)]),
    ) as LabState;
    const query = queryFromState(changed);
    for (const s of SETTINGS) expect(query).toContain(`${s.name}=`);
    expect(stateFromQuery(query)).toEqual({ state: changed, corrections: [] });
  });

  it('clamps out-of-range numbers to the nearest valid value and reports each', () => {
    const { state, corrections } = stateFromQuery('lambda=50&dropout=-1&batchSize=7.6&seed=0');
    expect(state.lambda).toBe(10);
    expect(state.dropout).toBe(0);
    expect(state.batchSize).toBe(8);
    expect(state.seed).toBe(1);
    expect(corrections).toEqual([
      { name: 'lambda', given: '50', used: '10' },
      { name: 'dropout', given: '-1', used: '0' },
      { name: 'batchSize', given: '7.6', used: '8' },
      { name: 'seed', given: '0', used: '1' },
    ]);
  });

  it('replaces unreadable values by the default and reports them', () => {
    const { state, corrections } = stateFromQuery('lambda=abc&modelMode=sideways&logTarget=maybe&lr=');
    expect(state.lambda).toBe(DEFAULT_STATE.lambda);
    expect(state.modelMode).toBe(DEFAULT_STATE.modelMode);
    expect(state.logTarget).toBe(DEFAULT_STATE.logTarget);
    expect(state.lr).toBe(DEFAULT_STATE.lr);
    expect(corrections.map((c) => c.name)).toEqual(['lambda', 'modelMode', 'lr', 'logTarget']);
  });

  it('keeps in-range values exactly and ignores unknown keys', () => {
    const { state, corrections } = stateFromQuery('lambda=0.3&direction=new%7C%7Cold&unknown=1');
    expect(state.lambda).toBe(0.3);
    expect(state.direction).toBe('new||old');
    expect(corrections).toEqual([]);
  });
});

describe('defaults that follow the scenario', () => {
  const digits = SCENARIO_TRAINING.digits;
  const sectors = SCENARIO_TRAINING.sectors;

  it('the two scenarios differ in the rate and the batch size', () => {
    expect(digits.lr).not.toBe(sectors.lr);
    expect(digits.batchSize).not.toBe(sectors.batchSize);
  });

  it("?scenario=digits trains with the digits' rate and batch size, and writes back as it was read", () => {
    const { state, corrections } = stateFromQuery('scenario=digits');
    expect(corrections).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_STATE, scenario: 'digits', ...digits });
    expect(queryFromState(state)).toBe('scenario=digits');
  });

  it("a rate or batch size given in the address wins, and one at the other scenario's default is kept", () => {
    const { state } = stateFromQuery(`scenario=digits&lr=${sectors.lr}`);
    expect(state.lr).toBe(sectors.lr);
    expect(state.batchSize).toBe(digits.batchSize);
    expect(queryFromState(state)).toBe(`scenario=digits&lr=${sectors.lr}`);
    expect(queryFromState({ ...DEFAULT_STATE, lr: digits.lr })).toBe(`lr=${digits.lr}`);
  });

  it("an unreadable rate falls back to the scenario's default, and says so", () => {
    const { state, corrections } = stateFromQuery('scenario=digits&lr=fast');
    expect(state.lr).toBe(digits.lr);
    expect(corrections).toEqual([{ name: 'lr', given: 'fast', used: String(digits.lr) }]);
  });

  it('changing the scenario moves a rate and batch size still at their default, and keeps chosen ones', () => {
    const moved = followScenario({ ...DEFAULT_STATE, scenario: 'digits' }, 'sectors');
    expect([moved.lr, moved.batchSize]).toEqual([digits.lr, digits.batchSize]);
    const back = followScenario({ ...moved, scenario: 'sectors' }, 'digits');
    expect([back.lr, back.batchSize]).toEqual([sectors.lr, sectors.batchSize]);
    const chosen = followScenario({ ...DEFAULT_STATE, scenario: 'digits', lr: 0.05 }, 'sectors');
    expect([chosen.lr, chosen.batchSize]).toEqual([0.05, digits.batchSize]);
  });
});
