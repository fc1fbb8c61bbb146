/**
 * The glue from a compiled plan to the iam-test-kit matrix. The intent handed to the matrix comes from the grant
 * INPUT, never from the plan's statements; only the role ARN (the identity the policies are attached to) comes
 * from the plan. The grants themselves are built in @kinesis-access/fixtures.
 */
import { type GrantIntent, type GrantPolicies, intentFromGrant } from '@kinesis-access/iam-test-kit';
import type { GrantDocument } from '@kinesis-access/fixtures';
import type { GrantPlan, RenderedGrant } from '../../src';

/** The render JSON contract (what `kinesis-access render --format json` prints) as the matrix's input. */
export function policiesOf(rendered: RenderedGrant): GrantPolicies {
  return {
    trustPolicy: rendered.trustPolicy,
    permissionPolicies: rendered.policies.map((p) => p.document),
    resourcePolicies: rendered.resourcePolicies.map((r) => ({
      resourceArn: r.resourceArn,
      document: r.document,
    })),
  };
}

export function intentOf(input: GrantDocument, plan: GrantPlan): GrantIntent {
  return intentFromGrant(input, plan);
}
