/**
 * Stacks: which grants share a Terraform state, the providers, and the backend. Still no IAM knowledge: the
 * provider region is one of the grant's own stream regions, the account is the plan's account.
 */
import { AwsProvider, type AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { type StackLayout, stackNameFor } from '@kinesis-access/grant-files';
import { compareCodeUnits, type GrantPlan } from '@kinesis-access/policy-model';
import type { Construct } from 'constructs';
import { LocalBackend, S3Backend, type TerraformProvider, TerraformStack } from './cdktf-core';
import { KinesisAccessGrant, terraformIdentifier } from './grant';
import {
  type BackendConfig,
  DEFAULT_LOCAL_STATE_PATH,
  DEFAULT_S3_KEY_PREFIX,
  DEFAULT_SETTINGS,
  type SynthSettings,
} from './settings';

/** Properties of {@link KinesisAccessStack}. */
export interface KinesisAccessStackProps {
  /** Grants of ONE account (and partition). At least one. */
  readonly plans: readonly GrantPlan[];
  /** @default { type: 'local' } (state at `state/<stack>.tfstate` under the project root) */
  readonly backend?: BackendConfig;
  /** @default - none (see {@link SynthSettings.deployRoleArn}) */
  readonly deployRoleArn?: string;
  /** @default true (see {@link KinesisAccessGrantProps.exclusivePolicyManagement}) */
  readonly exclusivePolicyManagement?: boolean;
}

/**
 * A stack of grants of one account: a default `aws` provider pinned to that account (`allowed_account_ids`), an
 * aliased provider per region that has resource policies, the backend, and one {@link KinesisAccessGrant} each.
 *
 * Generated files sit at `<out>/stacks/<stack>/`, so a relative local state path is written as `../../../<path>`
 * (the project root, for `generated/` and `cdktf.out/` alike).
 */
export class KinesisAccessStack extends TerraformStack {
  readonly grants: readonly KinesisAccessGrant[];

  constructor(scope: Construct, name: string, props: KinesisAccessStackProps) {
    super(scope, name);
    const plans = [...props.plans].sort((a, b) => compareCodeUnits(a.grantName, b.grantName));
    const first = plans[0];
    if (first === undefined) throw new Error(`stack ${name}: needs at least one grant plan`);
    for (const plan of plans) {
      if (plan.accountId !== first.accountId || plan.partition !== first.partition) {
        throw new Error(
          `stack ${name}: grant ${plan.grantName} is in account ${plan.partition}:${plan.accountId}, ` +
            `grant ${first.grantName} in ${first.partition}:${first.accountId}; a stack holds one account`,
        );
      }
    }
    const regions = [...new Set(plans.flatMap((p) => p.streams.map((s) => s.region)))].sort(compareCodeUnits);
    const defaultRegion = regions[0];
    if (defaultRegion === undefined)
      throw new Error(`stack ${name}: grant ${first.grantName} has no streams`);

    const common: AwsProviderConfig = {
      allowedAccountIds: [first.accountId],
      ...(props.deployRoleArn === undefined
        ? {}
        : {
            assumeRole: [
              {
                roleArn: props.deployRoleArn
                  .replaceAll('{accountId}', first.accountId)
                  .replaceAll('{partition}', first.partition),
                sessionName: 'kinesis-access',
              },
            ],
          }),
    };
    new AwsProvider(this, 'aws', { ...common, region: defaultRegion });
    const regional = (region: string): TerraformProvider => {
      const id = `aws-${region}`;
      const existing = this.node.tryFindChild(id);
      if (existing !== undefined) return existing as TerraformProvider;
      const provider = new AwsProvider(this, id, { ...common, alias: region, region });
      provider.overrideLogicalId(terraformIdentifier(region));
      return provider;
    };

    applyBackend(this, name, props.backend ?? DEFAULT_SETTINGS.backend);

    this.grants = plans.map(
      (plan) =>
        new KinesisAccessGrant(this, plan.grantName, {
          plan,
          regionalProvider: regional,
          exclusivePolicyManagement: props.exclusivePolicyManagement,
        }),
    );
  }
}

/** The local state path as written into a stack (relative to `<out>/stacks/<stack>/`). */
export function localStatePath(stackName: string, template: string = DEFAULT_LOCAL_STATE_PATH): string {
  return `../../../${template.replaceAll('{stack}', stackName)}`;
}

/** The S3 object key of a stack's state. */
export function s3StateKey(stackName: string, keyPrefix: string = DEFAULT_S3_KEY_PREFIX): string {
  return `${keyPrefix}${stackName}.tfstate`;
}

function applyBackend(stack: TerraformStack, name: string, backend: BackendConfig): void {
  if (backend.type === 'local') {
    new LocalBackend(stack, { path: localStatePath(name, backend.path) });
    return;
  }
  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    key: s3StateKey(name, backend.keyPrefix),
    region: backend.region,
    encrypt: backend.encrypt ?? true,
    kmsKeyId: backend.kmsKeyId,
    dynamodbTable: backend.lock === 'dynamodb' ? backend.dynamodbTable : undefined,
    assumeRole: backend.roleArn === undefined ? undefined : { roleArn: backend.roleArn },
  });
  // cdktf 0.21 predates the S3 backend's native lock file (Terraform >= 1.10): set it as a raw attribute.
  if ((backend.lock ?? 'lockfile') === 'lockfile') s3.addOverride('use_lockfile', true);
}

/** Thrown when plans cannot be laid out (e.g. two grants with the same name). Lists every problem. */
export class LayoutError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'LayoutError';
    this.problems = problems;
  }
}

/** Group plans into stacks (sorted by stack name; plans sorted by grant name). */
export function groupPlans(plans: readonly GrantPlan[], layout: StackLayout): Map<string, GrantPlan[]> {
  const problems: string[] = [];
  const seen = new Map<string, GrantPlan>();
  for (const plan of plans) {
    const other = seen.get(plan.grantName);
    if (other !== undefined) {
      problems.push(`grant name "${plan.grantName}" is used twice (grant names must be unique)`);
    }
    seen.set(plan.grantName, plan);
  }
  const groups = new Map<string, GrantPlan[]>();
  for (const plan of plans) {
    const name = stackNameFor(plan, layout);
    const group = groups.get(name);
    if (group) group.push(plan);
    else groups.set(name, [plan]);
  }
  if (layout === 'account') {
    for (const [name, group] of groups) {
      const partitions = new Set(group.map((p) => p.partition));
      if (partitions.size > 1) {
        problems.push(`stack ${name}: account id used in several partitions (${[...partitions].join(', ')})`);
      }
    }
  }
  if (problems.length > 0) throw new LayoutError([...new Set(problems)]);
  return new Map(
    [...groups.entries()]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([name, group]) => [name, group.sort((a, b) => compareCodeUnits(a.grantName, b.grantName))]),
  );
}

/** Add the stacks for some plans to a scope (an `App`). Returns them in stack-name order. */
export function addGrantStacks(
  scope: Construct,
  plans: readonly GrantPlan[],
  settings: Partial<SynthSettings> = {},
): KinesisAccessStack[] {
  const layout = settings.layout ?? DEFAULT_SETTINGS.layout;
  return [...groupPlans(plans, layout)].map(
    ([name, group]) =>
      new KinesisAccessStack(scope, name, {
        plans: group,
        backend: settings.backend,
        deployRoleArn: settings.deployRoleArn,
      }),
  );
}
