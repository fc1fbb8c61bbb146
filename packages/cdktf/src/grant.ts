/**
 * The construct that renders ONE grant's plan. It holds no IAM knowledge: names, documents, sizes and the
 * choice of resources all come from the model's {@link GrantPlan}; this file only maps them onto resources.
 */
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePoliciesExclusive } from '@cdktf/provider-aws/lib/iam-role-policies-exclusive';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamRolePolicyAttachmentsExclusive } from '@cdktf/provider-aws/lib/iam-role-policy-attachments-exclusive';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { KinesisResourcePolicy } from '@cdktf/provider-aws/lib/kinesis-resource-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { GrantPlan, PolicyDocument } from '@kinesis-access/policy-model';
import { Construct } from 'constructs';
import {
  TerraformOutput,
  type TerraformProvider,
  type TerraformResource,
  TerraformStack,
} from './cdktf-core';

/** Properties of {@link KinesisAccessGrant}. */
export interface KinesisAccessGrantProps {
  /** The model's plan for one grant (`planGrant` / `compileGrant`). Rendered as is. */
  readonly plan: GrantPlan;
  /**
   * Provider for the IAM resources (IAM is global; any region of the partition works).
   * @default - the stack's default (un-aliased) `aws` provider, which the stack must define
   */
  readonly provider?: TerraformProvider;
  /**
   * Provider for the stream resource policies of one region (resource policies are regional).
   * @default - an aliased `aws` provider per region (alias = the region name, e.g. `aws.eu-west-1`), created
   *   once per stack and shared by every grant in it
   */
  readonly regionalProvider?: (region: string) => TerraformProvider;
  /**
   * Also render `aws_iam_role_policy_attachments_exclusive` and `aws_iam_role_policies_exclusive`, so Terraform
   * owns the role's whole permission set: a policy attached (or an inline policy added) outside Terraform shows
   * up as drift in `cdktf diff` and is removed by the next deploy. The role exists only for this grant.
   * @default true
   */
  readonly exclusivePolicyManagement?: boolean;
}

/**
 * A Terraform identifier (`[A-Za-z_][A-Za-z0-9_-]*`) for a name: other characters become `_`, a leading digit
 * gets a `_` prefix. Grant names (lowercase letters, digits, `-`) map to themselves unless they start with a digit.
 */
export function terraformIdentifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * Policy JSON as IAM receives it: compact, in the model's (deterministic) key and statement order. Terraform reads
 * every string as a template, so `${` and `%{` (IAM policy variables such as `${aws:username}`) are escaped as
 * `$${` / `%%{` and reach IAM literally.
 */
export function policyJson(document: PolicyDocument): string {
  return JSON.stringify(document).replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
}

/**
 * `${<type>.<logical id>.<attribute>}` for a resource whose logical id is already overridden. Same Terraform JSON
 * as cdktf's token (`resource.arn`), without a token: cdktf captures a full stack trace for every token it
 * creates, which was the largest single cost of synthesizing 1,000 grants.
 */
function attributeRef(resource: TerraformResource, attribute: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;
}

function regionalProviderOf(stack: TerraformStack, region: string): TerraformProvider {
  const id = `aws-${region}`;
  const existing = stack.node.tryFindChild(id);
  if (existing !== undefined) return existing as TerraformProvider;
  const provider = new AwsProvider(stack, id, { alias: region, region });
  provider.overrideLogicalId(terraformIdentifier(region));
  return provider;
}

/**
 * One grant: its IAM role (deterministic name, path, permissions boundary, max session, tags, trust policy), the
 * model's packed managed policies and their attachments, the optional stream resource policies, the IAM user
 * with an access key (upsolver opt-in only) and an output named after the grant with the role ARN.
 *
 * Managed policies (not inline): the model packs statements to the managed-policy quota (6,144 characters each,
 * a bounded number per role); inline policies share one 10,240-character budget per role, so the model's packing
 * would not hold for them. Managed policies can also be attached to the upsolver IAM user (`iamUser.policyNames`)
 * and keep IAM's version history.
 *
 * Logical ids are `<grant>_<part>` (overridden, not hashed): they do not depend on the stack or on other grants,
 * so moving between layouts or adding grants never renames resources, and reviews show only real changes.
 */
export class KinesisAccessGrant extends Construct {
  /** The role resource. */
  readonly role: IamRole;
  /** Managed policies, in the plan's order. */
  readonly policies: readonly IamPolicy[];
  /** Stream resource policies, in the plan's order. */
  readonly resourcePolicies: readonly KinesisResourcePolicy[];
  /** The IAM user, only when the plan has one (upsolver with credentials `iam-user`). */
  readonly user?: IamUser;
  /** The output named after the grant, holding the role ARN. */
  readonly roleArnOutput: TerraformOutput;

  constructor(scope: Construct, id: string, props: KinesisAccessGrantProps) {
    super(scope, id);
    const { plan } = props;
    const stack = TerraformStack.of(this);
    const prefix = terraformIdentifier(plan.grantName);
    const provider = props.provider;
    const regional = props.regionalProvider ?? ((region: string) => regionalProviderOf(stack, region));
    const exclusive = props.exclusivePolicyManagement ?? true;
    const tags = Object.keys(plan.role.tags).length > 0 ? { ...plan.role.tags } : undefined;

    this.role = new IamRole(this, 'role', {
      provider,
      name: plan.role.name,
      path: plan.role.path,
      description: plan.role.description,
      assumeRolePolicy: policyJson(plan.trustPolicy),
      maxSessionDuration: plan.role.maxSessionDuration,
      permissionsBoundary: plan.role.permissionsBoundaryArn,
      tags,
    });
    this.role.overrideLogicalId(`${prefix}_role`);
    const roleName = attributeRef(this.role, 'name');

    const policyByName = new Map<string, IamPolicy>();
    this.policies = plan.policies.map((policy, index) => {
      const n = index + 1;
      const resource = new IamPolicy(this, `policy-${n}`, {
        provider,
        name: policy.name,
        description: `Kinesis access grant ${plan.grantName} (managed by kinesis-access)`,
        policy: policyJson(policy.document),
      });
      resource.overrideLogicalId(`${prefix}_policy_${n}`);
      const attachment = new IamRolePolicyAttachment(this, `policy-${n}-attachment`, {
        provider,
        role: roleName,
        policyArn: attributeRef(resource, 'arn'),
      });
      attachment.overrideLogicalId(`${prefix}_policy_${n}_attachment`);
      policyByName.set(policy.name, resource);
      return resource;
    });

    if (exclusive) {
      new IamRolePolicyAttachmentsExclusive(this, 'attachments-exclusive', {
        provider,
        roleName,
        policyArns: this.policies.map((p) => attributeRef(p, 'arn')),
      }).overrideLogicalId(`${prefix}_role_attachments_exclusive`);
      new IamRolePoliciesExclusive(this, 'inline-policies-exclusive', {
        provider,
        roleName,
        policyNames: [],
      }).overrideLogicalId(`${prefix}_role_inline_policies_exclusive`);
    }

    const usedIds = new Set<string>();
    this.resourcePolicies = plan.resourcePolicies.map((rp) => {
      // `arn:aws:kinesis:eu-west-1:111122223333:stream/orders` → `eu-west-1_stream_orders`
      const resourcePart = rp.resourceArn.split(':').slice(5).join(':');
      let logicalId = `${prefix}_resource_policy_${terraformIdentifier(`${rp.region}_${resourcePart}`).replace(/^_/, '')}`;
      for (let i = 2; usedIds.has(logicalId); i++) logicalId = `${logicalId}_${i}`;
      usedIds.add(logicalId);
      const resource = new KinesisResourcePolicy(this, `resource-policy-${logicalId}`, {
        provider: regional(rp.region),
        resourceArn: rp.resourceArn,
        policy: policyJson(rp.document),
      });
      resource.overrideLogicalId(logicalId);
      return resource;
    });

    if (plan.iamUser !== undefined) {
      const user = new IamUser(this, 'user', {
        provider,
        name: plan.iamUser.name,
        path: plan.iamUser.path,
        tags,
      });
      user.overrideLogicalId(`${prefix}_user`);
      const userName = attributeRef(user, 'name');
      plan.iamUser.policyNames.forEach((name, index) => {
        const policy = policyByName.get(name);
        if (policy === undefined) {
          throw new Error(
            `grant ${plan.grantName}: iamUser.policyNames[${index}] names policy "${name}", which is not in plan.policies ` +
              `(${[...policyByName.keys()].join(', ') || 'none'})`,
          );
        }
        new IamUserPolicyAttachment(this, `user-policy-${index + 1}`, {
          provider,
          user: userName,
          policyArn: attributeRef(policy, 'arn'),
        }).overrideLogicalId(`${prefix}_user_policy_${index + 1}_attachment`);
      });
      const key = new IamAccessKey(this, 'access-key', { provider, user: userName });
      key.overrideLogicalId(`${prefix}_user_access_key`);
      new TerraformOutput(this, 'access-key-id', {
        value: attributeRef(key, 'id'),
        description: `Access key id of IAM user ${plan.iamUser.name} (grant ${plan.grantName})`,
      }).overrideLogicalId(`${prefix}_access_key_id`);
      new TerraformOutput(this, 'secret-access-key', {
        value: attributeRef(key, 'secret'),
        sensitive: true,
        description: `Secret access key of IAM user ${plan.iamUser.name}; read with terraform output -raw`,
      }).overrideLogicalId(`${prefix}_secret_access_key`);
      this.user = user;
    }

    this.roleArnOutput = new TerraformOutput(this, 'role-arn', {
      value: attributeRef(this.role, 'arn'),
      description: `ARN of IAM role ${plan.role.name} (grant ${plan.grantName}): paste it into the consumer`,
    });
    this.roleArnOutput.overrideLogicalId(prefix);
  }
}
