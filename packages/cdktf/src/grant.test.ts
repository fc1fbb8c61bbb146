import 'cdktf/lib/testing/adapters/jest';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { GrantPlan } from '@kinesis-access/policy-model';
import { KinesisAccessGrant, policyJson, terraformIdentifier } from './grant';
import { fixturePlan } from './test-support/fixture-plans';
import {
  allTestGrants,
  compileYaml,
  SHARED_TWO_REGIONS_YAML,
  UPSOLVER_IAM_USER_YAML,
} from './test-support/grants';
import { synthScope } from './test-support/synth-scope';

function synthGrant(plan: GrantPlan, props: { exclusivePolicyManagement?: boolean } = {}): string {
  return synthScope((stack) => {
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new KinesisAccessGrant(stack, plan.grantName, { plan, ...props });
  });
}

/** A Terraform interpolation, `${expr}`. */
const tf = (expr: string): string => ['$', '{', expr, '}'].join('');

type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>>;
const parse = (synth: string): Json => JSON.parse(synth) as Json;

describe('KinesisAccessGrant', () => {
  const shared = compileYaml(SHARED_TWO_REGIONS_YAML).plan;
  const user = compileYaml(UPSOLVER_IAM_USER_YAML).plan;

  it('renders the role exactly as planned: name, path, boundary, max session, tags, trust policy', () => {
    const synth = synthGrant(shared);
    expect(synth).toHaveResourceWithProperties(IamRole, {
      name: shared.role.name,
      path: '/kinesis-access/',
      permissions_boundary: 'arn:aws:iam::123456789012:policy/data-platform-boundary',
      max_session_duration: 7200,
      description: shared.role.description,
      tags: { 'cost-center': '42', team: 'data' },
      assume_role_policy: JSON.stringify(shared.trustPolicy),
    });
  });

  it('renders each packed managed policy with an attachment to the role', () => {
    const json = parse(synthGrant(shared));
    const policies = json.resource?.aws_iam_policy ?? {};
    expect(Object.keys(policies)).toEqual(
      shared.policies.map((_p, i) => `shared-two-regions_policy_${i + 1}`),
    );
    shared.policies.forEach((p, i) => {
      const resource = policies[`shared-two-regions_policy_${i + 1}`];
      expect(resource?.name).toBe(p.name);
      expect(JSON.parse(String(resource?.policy))).toEqual(p.document);
    });
    const attachments = json.resource?.aws_iam_role_policy_attachment ?? {};
    expect(Object.values(attachments)).toEqual(
      shared.policies.map((_p, i) =>
        expect.objectContaining({
          role: tf('aws_iam_role.shared-two-regions_role.name'),
          policy_arn: tf(`aws_iam_policy.shared-two-regions_policy_${i + 1}.arn`),
        }),
      ),
    );
  });

  it('takes exclusive ownership of the role policies by default, and not when turned off', () => {
    const synth = synthGrant(shared);
    expect(synth).toHaveResourceWithProperties(IamRolePolicyAttachmentsExclusive, {
      role_name: tf('aws_iam_role.shared-two-regions_role.name'),
      policy_arns: shared.policies.map((_p, i) =>
        tf(`aws_iam_policy.shared-two-regions_policy_${i + 1}.arn`),
      ),
    });
    expect(synth).toHaveResourceWithProperties(IamRolePoliciesExclusive, { policy_names: [] });
    const off = synthGrant(shared, { exclusivePolicyManagement: false });
    expect(off).not.toHaveResource(IamRolePolicyAttachmentsExclusive);
    expect(off).not.toHaveResource(IamRolePoliciesExclusive);
    expect(off).toHaveResource(IamRolePolicyAttachment);
  });

  it('puts each stream resource policy on an aliased provider of its region', () => {
    const json = parse(synthGrant(shared));
    const resourcePolicies = json.resource?.aws_kinesis_resource_policy ?? {};
    expect(Object.keys(resourcePolicies).sort()).toEqual([
      'shared-two-regions_resource_policy_eu-west-1_stream_device-metrics-eu',
      'shared-two-regions_resource_policy_us-east-1_stream_device-metrics',
    ]);
    for (const planned of shared.resourcePolicies) {
      const rendered = Object.values(resourcePolicies).find((r) => r.resource_arn === planned.resourceArn);
      expect(rendered?.provider).toBe(`aws.${planned.region}`);
      expect(JSON.parse(String(rendered?.policy))).toEqual(planned.document);
    }
    const providers = (json.provider as unknown as { aws: { alias?: string; region: string }[] }).aws;
    expect(providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ alias: 'eu-west-1', region: 'eu-west-1' }),
        expect.objectContaining({ alias: 'us-east-1', region: 'us-east-1' }),
      ]),
    );
  });

  it('creates the IAM user, its policy attachments and an access key only for the iam-user opt-in', () => {
    const synth = synthGrant(user);
    expect(synth).toHaveResourceWithProperties(IamUser, { name: user.iamUser?.name, path: '/' });
    expect(synth).toHaveResourceWithProperties(IamUserPolicyAttachment, {
      user: tf('aws_iam_user.legacy-upsolver-user_user.name'),
      policy_arn: tf('aws_iam_policy.legacy-upsolver-user_policy_1.arn'),
    });
    expect(synth).toHaveResourceWithProperties(IamAccessKey, {
      user: tf('aws_iam_user.legacy-upsolver-user_user.name'),
    });
    const outputs = parse(synth).output as unknown as Record<string, { value: string; sensitive?: boolean }>;
    expect(outputs['legacy-upsolver-user_secret_access_key']).toEqual(
      expect.objectContaining({
        value: tf('aws_iam_access_key.legacy-upsolver-user_user_access_key.secret'),
        sensitive: true,
      }),
    );
    for (const plan of allTestGrants().map((g) => g.plan)) {
      if (plan.iamUser !== undefined) continue;
      const other = synthGrant(plan);
      expect(other).not.toHaveResource(IamUser);
      expect(other).not.toHaveResource(IamAccessKey);
    }
  });

  it('outputs the role ARN under the grant name', () => {
    const outputs = parse(synthGrant(shared)).output as unknown as Record<string, { value: string }>;
    expect(outputs['shared-two-regions']?.value).toBe(tf('aws_iam_role.shared-two-regions_role.arn'));
  });

  it('uses stable, readable logical ids that do not depend on the stack or on other grants', () => {
    const alone = parse(synthGrant(shared)).resource;
    const together = parse(
      synthScope((stack) => {
        new AwsProvider(stack, 'aws', { region: 'us-east-1' });
        new KinesisAccessGrant(stack, 'a', { plan: user });
        new KinesisAccessGrant(stack, 'b', { plan: shared });
      }),
    ).resource;
    for (const [type, resources] of Object.entries(alone ?? {})) {
      for (const [id, body] of Object.entries(resources)) {
        const { '//': _metaAlone, ...rest } = body;
        const { '//': _metaTogether, ...restTogether } = (together?.[type]?.[id] ?? {}) as Record<
          string,
          unknown
        >;
        expect({ id, ...restTogether }).toEqual({ id, ...rest });
      }
    }
  });

  it('names the missing policy when the plan attaches an unknown policy to the IAM user', () => {
    const broken: GrantPlan = {
      ...fixturePlan('broken', { withUser: true }),
      iamUser: { name: 'broken-user', path: '/', policyNames: ['nope'] },
    };
    expect(() => synthGrant(broken)).toThrow(
      /grant broken: iamUser\.policyNames\[0\] names policy "nope", which is not in plan\.policies \(ClickHouseAccessRole-broken-1\)/,
    );
  });
});

describe('policyJson', () => {
  it('escapes Terraform template sequences so IAM policy variables reach IAM literally', () => {
    const json = policyJson({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${tf('aws:username')}/%{x}` },
      ],
    });
    expect(json).toContain('arn:aws:s3:::b/$${aws:username}/%%{x}');
  });
});

describe('terraformIdentifier', () => {
  it.each([
    ['orders-clickpipes', 'orders-clickpipes'],
    ['1st-grant', '_1st-grant'],
    ['a.b/c', 'a_b_c'],
  ])('%s → %s', (input, output) => {
    expect(terraformIdentifier(input)).toBe(output);
  });
});
