/**
 * The review summary: a plain-language markdown page for the pull request. Everything in it is read off the
 * plan (the statements that will be deployed), so the summary cannot say more or less than the policies do.
 */

import { formatCount } from './problems';
import { PROFILES } from './profiles';
import type { GrantPlan, PolicyStatement } from './types';

const WRITE_ACTIONS = ['kinesis:PutRecord', 'kinesis:PutRecords'];
const READ_ACTIONS = ['kinesis:GetRecords', 'kinesis:SubscribeToShard'];

const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** Markdown special characters in free text (the grant description) are escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, '\\$&').replace(/\s+/g, ' ');
}

const code = (text: string) => `\`${text}\``;

interface Capability {
  readonly sid: string;
  readonly actions: Set<string>;
  readonly resources: Set<string>;
  readonly conditions: Set<string>;
}

/** Statements merged back over their `Part<n>` pieces, in plan order. */
function capabilities(plan: GrantPlan): Capability[] {
  const bySid = new Map<string, Capability>();
  for (const policy of plan.policies) {
    for (const statement of policy.document.Statement) {
      const sid = (statement.Sid ?? 'Statement').replace(/Part\d+$/, '');
      const capability = bySid.get(sid) ?? {
        sid,
        actions: new Set(),
        resources: new Set(),
        conditions: new Set(),
      };
      for (const action of list(statement.Action)) capability.actions.add(action);
      for (const resource of list(statement.Resource)) capability.resources.add(resource);
      for (const condition of describeConditions(statement)) capability.conditions.add(condition);
      bySid.set(sid, capability);
    }
  }
  return [...bySid.values()];
}

function describeConditions(statement: PolicyStatement): string[] {
  const out: string[] = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(block)) {
      const values = list(value);
      out.push(
        values.length === 1
          ? `${code(key)} ${operator} ${code(values[0] as string)}`
          : `${code(key)} ${operator} one of ${values.length} values`,
      );
    }
  }
  return out;
}

/** `…/consumer/*` (every consumer) or `…/consumer/<name>:*` (one named consumer); undefined for other ARNs. */
function consumerOf(resource: string): { readonly name?: string } | undefined {
  if (resource.endsWith('/consumer/*')) return {};
  const named = /\/consumer\/([^/:]+):\*$/.exec(resource);
  return named === null ? undefined : { name: named[1] as string };
}

function describeResources(resources: ReadonlySet<string>): string {
  const items = [...resources];
  if (items.length === 1 && items[0] === '*')
    return '`*` (this action has no resource type: AWS only authorises it on `*`)';
  const consumers = items.map(consumerOf);
  const allConsumers = consumers.every((c) => c !== undefined);
  const names = new Set(consumers.map((c) => c?.name));
  const which =
    names.size === 1 && [...names][0] !== undefined
      ? `the enhanced fan-out consumer ${code([...names][0] as string)} of`
      : 'the enhanced fan-out consumers of';
  if (items.length > 5) {
    return allConsumers
      ? `${which} all ${items.length} streams in the table above`
      : `all ${items.length} resources in the table above`;
  }
  if (allConsumers) {
    return `${which} ${items.length === 1 ? 'the stream' : `${items.length} streams`} (${items
      .map((r) => code(r))
      .join(', ')})`;
  }
  return items.map((r) => code(r)).join(', ');
}

const LABELS: Readonly<Record<string, string>> = {
  Streams: 'On the streams',
  StreamConsumers: "On the streams' enhanced fan-out consumers",
  ListStreams: 'List stream names',
  KmsViaKinesis: 'With the KMS key, only through Kinesis',
  KclLeaseTable: 'KCL lease table (DynamoDB)',
  KclLeaseTableIndex: "KCL lease table's index (DynamoDB)",
  KclMetadataTables: 'KCL worker-metrics and coordinator-state tables (DynamoDB)',
  KclMetrics: 'KCL metrics (CloudWatch)',
  KplMetrics: 'KPL metrics (CloudWatch)',
};

function label(sid: string): string {
  const base = sid.replace(/\d+$/, '');
  return LABELS[base] ?? sid;
}

/** Markdown review summary. */
export function renderSummary(plan: GrantPlan): string {
  const profile = PROFILES[plan.profile];
  const caps = capabilities(plan);
  const allActions = new Set(caps.flatMap((c) => [...c.actions]));
  const trust = plan.trustPolicy.Statement[0];
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# Kinesis access grant ${code(plan.grantName)}`, '');
  push(`Profile **${plan.profile}**: ${profile.title}.`, '');
  push(
    `Creates IAM role ${code(plan.role.name)} (path ${code(plan.role.path)}) in account ${code(plan.accountId)} (${plan.partition}); ` +
      `sessions last at most ${plan.role.maxSessionDuration / 3600} h.` +
      (plan.role.permissionsBoundaryArn === undefined
        ? ''
        : ` Permissions boundary: ${code(plan.role.permissionsBoundaryArn)}.`),
    '',
  );
  if (plan.role.description !== '') push(`> ${escapeText(plan.role.description)}`, '');

  push('## Who may assume the role', '');
  for (const principal of list(trust?.Principal?.AWS)) push(`- ${code(principal)}`);
  push('', `Trust actions: ${list(trust?.Action).map(code).join(', ')}.`);
  const trustConditions = trust === undefined ? [] : describeConditions(trust);
  if (trustConditions.length > 0) push(`Only when ${trustConditions.join(' and ')}.`);
  push('Nobody else can assume it.', '');

  push('## What it can do', '');
  push('| Stream | Region | KMS key |', '| --- | --- | --- |');
  for (const stream of plan.streams) {
    push(
      `| ${code(stream.name)} | ${stream.region} | ${stream.kmsKeyArn === undefined ? 'not encrypted with a customer key' : code(stream.kmsKeyArn)} |`,
    );
  }
  push('');
  for (const cap of caps) {
    const conditions = cap.conditions.size === 0 ? '' : ` — only when ${[...cap.conditions].join(' and ')}`;
    push(
      `- **${label(cap.sid)}**: ${[...cap.actions].map(code).join(', ')} on ${describeResources(cap.resources)}${conditions}.`,
    );
  }
  if (plan.iamUser !== undefined) {
    push(`- The same policies are attached to IAM user ${code(plan.iamUser.name)}, which has an access key.`);
  }
  push('');

  push('## What it cannot do', '');
  if (!WRITE_ACTIONS.some((a) => allActions.has(a)))
    push('- Write records: no `kinesis:PutRecord` / `kinesis:PutRecords`.');
  if (!READ_ACTIONS.some((a) => allActions.has(a)))
    push('- Read records: no `kinesis:GetRecords` / `kinesis:SubscribeToShard`.');
  if (allActions.has('kinesis:ListStreams')) {
    push(
      '- Read other streams. (It can list the names of all streams in the account: `kinesis:ListStreams` only exists on `*`.)',
    );
  }
  push(
    `- Touch any other stream: every stream is named by its ARN (a consumer's registration timestamp is \`*\`, and its name where the reader chooses it itself).`,
    '- Create, delete, reshard or reconfigure streams, change their encryption, retention or tags, or edit resource policies.',
  );
  if ([...allActions].some((a) => a.startsWith('kms:'))) {
    push(
      '- Use the KMS keys outside Kinesis, or for other streams: `kms:ViaService` and the Kinesis encryption context pin each key to its streams.',
    );
  } else {
    push('- Use any KMS key (no stream is encrypted with a customer managed key).');
  }
  const services = [...new Set([...allActions].map((a) => a.slice(0, a.indexOf(':'))))].sort();
  push(`- Call any service other than ${services.map(code).join(', ')}.`, '');

  if (plan.resourcePolicies.length > 0) {
    push('## Stream resource policies', '');
    const first = plan.resourcePolicies[0]?.document.Statement[0];
    push(
      `Each of the ${plan.resourcePolicies.length} streams gets a resource policy letting ${list(first?.Principal?.AWS).map(code).join(', ')} ` +
        `call ${list(first?.Action).map(code).join(', ')} on that stream (shareable actions only; those principals still need their own identity policy).`,
      '',
    );
  }

  push('## Quotas', '', '| Quota | Used | Limit |', '| --- | ---: | ---: |');
  for (const quota of plan.quotas)
    push(`| ${quota.name} | ${formatCount(quota.used)} | ${formatCount(quota.limit)} |`);
  push('', `Managed policies: ${plan.policies.map((p) => code(p.name)).join(', ')}.`, '');

  if (plan.warnings.length > 0) {
    push('## Warnings', '');
    for (const warning of plan.warnings) push(`- ⚠️ ${warning}`);
    push('');
  }

  push('## After apply', '');
  if (plan.profile === 'clickpipes') {
    push(
      'In ClickPipes, create the Kinesis pipe with authentication **IAM role** and paste this role ARN:',
      '',
      '```',
      plan.role.arn,
      '```',
    );
  } else if (plan.iamUser !== undefined) {
    push(
      `Read the access key of IAM user ${code(plan.iamUser.name)} from the Terraform outputs (sensitive) and store it in the consumer's secret store.`,
    );
  } else {
    push('Configure the application to assume this role ARN:', '', '```', plan.role.arn, '```');
  }
  return `${lines.join('\n')}\n`;
}
