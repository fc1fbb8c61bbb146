/**
 * Shared setup of the planGrant tests (plan*.test.ts): compile a grant or fail the test with its problems, and read
 * statements, resources and conditions off a plan by Sid.
 *
 * Which actions each profile grants is not restated in those tests: test/simulation.test.ts and
 * test/property.test.ts hold every profile to the clients' requirements table (@kinesis-access/iam-test-kit,
 * src/requirements.ts). The plan tests check the shape: which statements, on which resources, with which
 * conditions.
 */
import { streamArn } from '@kinesis-access/fixtures';
import { compileGrant } from '../plan';
import type { GrantPlan, GrantSpec, PolicyStatement } from '../types';
import { validateGrant } from '../validate';

export function spec(input: unknown): GrantSpec {
  const result = validateGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

export function plan(input: unknown): GrantPlan {
  const result = compileGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

export const statements = (p: GrantPlan): PolicyStatement[] =>
  p.policies.flatMap((policy) => [...policy.document.Statement]);
export const ORDERS = streamArn('orders');

export const resourcesOf = (p: GrantPlan, sid: string) => statements(p).find((s) => s.Sid === sid)?.Resource;
export const conditionOf = (p: GrantPlan, sid: string) => statements(p).find((s) => s.Sid === sid)?.Condition;
export const sids = (p: GrantPlan) => statements(p).map((s) => s.Sid);
