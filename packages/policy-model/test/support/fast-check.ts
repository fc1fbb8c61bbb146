import fc from 'fast-check';
import { PROFILE_NAMES } from '../../src';

/** Any of the model's profiles. */
export const anyProfile = fc.constantFrom(...PROFILE_NAMES);

/**
 * fast-check settings of the property tests: FAST_CHECK_NUM_RUNS runs per property (else the test's default) and,
 * to replay a failure, FAST_CHECK_SEED.
 */
export function fastCheckParams(defaultRuns: number): { numRuns: number; seed?: number } {
  const numRuns = Number.parseInt(process.env.FAST_CHECK_NUM_RUNS ?? '', 10) || defaultRuns;
  const seed = process.env.FAST_CHECK_SEED === undefined ? undefined : Number(process.env.FAST_CHECK_SEED);
  return { numRuns, ...(seed === undefined ? {} : { seed }) };
}
