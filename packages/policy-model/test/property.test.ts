/**
 * Property-based tests (fast-check): random VALID grants compile and simulate to exactly the intended access, and
 * the output is deterministic. Random INVALID grants: property-invalid.test.ts. Runs per property:
 * FAST_CHECK_NUM_RUNS (default below, sized for < 60 s on 2 cores).
 */

import type { GrantDocument } from '@kinesis-access/fixtures';
import { formatFailure, runGrantMatrix } from '@kinesis-access/iam-test-kit';
import fc from 'fast-check';
import { compileGrantYaml, grantToYaml } from '../src/parse';
import { compileGrant } from '../src/plan';
import { canonicalJson, renderJson } from '../src/render';
import { validateGrant } from '../src/validate';
import { fastCheckParams } from './support/fast-check';
import { intentOf, policiesOf } from './support/matrix';
import { validGrant } from './support/valid-grants';

const DEFAULT_RUNS = 1000;
const params = fastCheckParams(DEFAULT_RUNS);
const NUM_RUNS = params.numRuns;

jest.setTimeout(600_000);

// ---- Valid grants ------------------------------------------------------------------------------------------

describe(`${NUM_RUNS} random valid grants per property`, () => {
  test('compile, render and simulate to exactly the intended access', async () => {
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(validGrant, async (input) => {
        const result = compileGrant(input);
        if (!result.ok) throw new Error(`refused a valid grant: ${JSON.stringify(result.problems)}`);
        const plan = result.value;
        const matrix = await runGrantMatrix(policiesOf(renderJson(plan)), intentOf(input, plan), {
          depth: 'quick',
          engine: 'fast',
        });
        cells += matrix.cells;
        if (matrix.failures.length > 0) {
          throw new Error(
            `${matrix.failures.length} cells failed:\n${matrix.failures.map(formatFailure).join('\n')}`,
          );
        }
      }),
      params,
    );
    expect(cells).toBeGreaterThan(NUM_RUNS * 50);
  });

  test('rendering is deterministic: twice, after a YAML round trip and with the streams shuffled', () => {
    fc.assert(
      fc.property(validGrant, fc.integer(), (input, shuffleSeed) => {
        const render = (value: unknown) => {
          const result = compileGrant(value);
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          return canonicalJson(renderJson(result.value));
        };
        const once = render(input);
        expect(render(structuredClone(input))).toBe(once);
        const yaml = compileGrantYaml(grantToYamlOf(input));
        if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
        expect(canonicalJson(renderJson(yaml.value))).toBe(once);
        const shuffled = structuredClone(input);
        shuffled.spec.streams = shuffle(shuffled.spec.streams, shuffleSeed);
        expect(render(shuffled)).toBe(once);
      }),
      params,
    );
  });
});

function grantToYamlOf(input: GrantDocument): string {
  const spec = validateGrant(input);
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  return grantToYaml(spec.value);
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
