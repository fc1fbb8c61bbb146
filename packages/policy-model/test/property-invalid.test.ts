/**
 * Property-based tests (fast-check): random INVALID grants (mutations of valid ones) are refused with a field path
 * and never yield a plan. Runs per property: FAST_CHECK_NUM_RUNS (default below, sized for < 60 s on 2 cores).
 */
import type { GrantDocument } from '@kinesis-access/fixtures';
import fc from 'fast-check';
import { compileGrant } from '../src/plan';
import { fastCheckParams } from './support/fast-check';
import { MUTATIONS, type Mutable, type Mutation } from './support/mutations';
import { validGrant } from './support/valid-grants';

const DEFAULT_RUNS = 1000;
const params = fastCheckParams(DEFAULT_RUNS);
const NUM_RUNS = params.numRuns;

jest.setTimeout(600_000);

describe(`${NUM_RUNS} random invalid grants`, () => {
  test('are refused with the mutated field path and a message, never a plan', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(validGrant, fc.nat(MUTATIONS.length - 1), fc.nat(1000), (input, which, pick) => {
        const mutation = MUTATIONS[which] as Mutation;
        const bad = structuredClone(input) as GrantDocument & Mutable;
        const path = mutation.apply(bad, pick);
        seen.add(mutation.name);
        const result = compileGrant(bad);
        if (result.ok) throw new Error(`${mutation.name}: a plan for ${JSON.stringify(bad)}`);
        expect(result.problems.map((problem) => problem.path)).toContain(path);
        for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
      }),
      params,
    );
    if (NUM_RUNS >= 200) expect(seen.size).toBe(MUTATIONS.length);
  });
});
