import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
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
