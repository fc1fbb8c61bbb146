/**
 * The grant simulation matrix: from a grant's intent, build every request whose answer we know in advance
 * (allowed: what the profile needs on the granted resources; denied: everything else nearby), run each one
 * through the IAM simulator against the policies under test, and report every cell that disagrees.
 */
import {
  consumerArn,
  isAccountPrincipal,
  otherAccount,
  otherPartition,
  PARTITION_REGIONS,
  parseArn,
  parseStreamArn,
  principalAccount,
  type StreamRef,
  streamArn,
} from './arn';
import { actionsOn, supportsConditionKey } from './catalog';
import {
  type ActionSets,
  DANGEROUS_ACCOUNT_ACTIONS,
  DANGEROUS_CONSUMER_ACTIONS,
  DANGEROUS_KMS_ACTIONS,
  DANGEROUS_STREAM_ACTIONS,
  DANGEROUS_TABLE_ACTIONS,
  expectationFor,
  KCL_TABLE_KINDS,
  type KclTableKind,
} from './profiles';
import { type SimulationSetup, simulate, validatePolicies } from './simulate';
import type {
  CellGroup,
  CellSetup,
  Decision,
  GrantIntent,
  GrantPolicies,
  MatrixCell,
  MatrixFailure,
  MatrixOptions,
  MatrixResult,
  PolicyDocumentLike,
  SimRequest,
} from './types';

const PROBE = 'kinesis-access-probe';
const OTHER_KEY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The default KMS key policy: the key's account root may use kms:*, i.e. access is decided by IAM policies.
 * For a key in another account than the granted identity, the key owner must also name the identity (the model
 * warns about that); `crossAccountIdentity` adds that statement, so the identity's own policies still decide.
 */
export function defaultKeyPolicy(
  partition: string,
  account: string,
  crossAccountIdentity?: string,
): PolicyDocumentLike {
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (crossAccountIdentity !== undefined && parseArn(crossAccountIdentity).account !== account) {
    statements.push({
      Sid: 'Allow the granted identity of another account',
      Effect: 'Allow',
      Principal: { AWS: crossAccountIdentity },
      Action: 'kms:*',
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The caller's own side of a cross-account call: allows everything of one service, so the grant decides. */
function callerSideAllows(service: string): PolicyDocumentLike {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `${service}:*`, Resource: '*' }] };
}

/**
 * The `kms:ViaService` value of Kinesis in a region: the service endpoint name, whose DNS suffix is
 * `amazonaws.com.cn` in the China partition.
 */
export function kinesisViaService(partition: string, region: string): string {
  return `kinesis.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

function allowedSet(s: ActionSets): Set<string> {
  return new Set([...s.required, ...s.optional]);
}

class CellList {
  readonly cells: MatrixCell[] = [];
  private readonly seen = new Set<string>();
  add(
    group: CellGroup,
    why: string,
    expected: Decision,
    request: SimRequest,
    setup: CellSetup = { kind: 'identity' },
  ): void {
    const key = JSON.stringify([setup, request.principal, request.action, request.resource, request.context]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.cells.push({ group, why, expected, request, setup });
  }
}

interface BuiltMatrix {
  readonly cells: readonly MatrixCell[];
  readonly structural: readonly MatrixFailure[];
}

/** Build the matrix cells for one grant (no simulation yet). */
export async function buildMatrix(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<BuiltMatrix> {
  const full = (options.depth ?? 'full') === 'full';
  const requireContext = (options.kmsEncryptionContext ?? 'required') === 'required';
  const exp = expectationFor(intent);
  if (intent.streams.length === 0) throw new Error('iam-test-kit: the intent lists no stream');
  const streams = intent.streams.map((s) => ({ ...parseStreamArn(s.arn), kmsKeyArn: s.kmsKeyArn }));
  const first = streams[0] as (typeof streams)[number];
  const identity = intent.identityArn;
  const identityAccount = parseArn(identity).account;
  const partition = first.partition;
  const granted = new Set(streams.map((s) => s.arn));
  const accounts = new Set<string>([identityAccount, ...streams.map((s) => s.account)]);
  for (const p of intent.trustedPrincipals) accounts.add(principalAccount(p));
  for (const p of intent.resourcePolicyPrincipals ?? []) accounts.add(principalAccount(p));
  const foreignAccount = otherAccount(accounts);
  const list = new CellList();
  const structural: MatrixFailure[] = [];
  const req = (
    action: string,
    resource: string,
    context: Record<string, string> = {},
    principal = identity,
  ): SimRequest => ({
    principal,
    action,
    resource,
    resourceAccount: resource === '*' ? identityAccount : parseArn(resource).account,
    context,
  });

  // ---- Kinesis on the granted streams, their consumers and `*` -------------------------------------------
  const streamAllowed = allowedSet(exp.stream);
  const consumerAllowed = allowedSet(exp.consumer);
  const accountAllowed = allowedSet(exp.accountWide);
  const streamCandidates = full ? await actionsOn('kinesis', 'stream') : DANGEROUS_STREAM_ACTIONS;
  const consumerCandidates = full ? await actionsOn('kinesis', 'consumer') : DANGEROUS_CONSUMER_ACTIONS;
  const accountCandidates = full ? await actionsOn('kinesis', '*') : DANGEROUS_ACCOUNT_ACTIONS;
  for (const s of streams) {
    for (const a of exp.stream.required) {
      list.add(
        'stream',
        `${intent.profile} needs ${a} on every granted stream`,
        'Allowed',
        req(`kinesis:${a}`, s.arn),
      );
    }
    for (const a of streamCandidates) {
      if (streamAllowed.has(a)) continue;
      list.add('stream', `${a} is not part of ${intent.profile}`, 'Denied', req(`kinesis:${a}`, s.arn));
    }
    const consumer = consumerArn(s.arn, intent.consumerName);
    for (const a of exp.consumer.required) {
      list.add(
        'consumer',
        `${intent.profile} needs ${a} on the consumers of every granted stream`,
        'Allowed',
        req(`kinesis:${a}`, consumer),
      );
    }
    for (const a of consumerCandidates) {
      if (consumerAllowed.has(a)) continue;
      list.add(
        'consumer',
        `${a} on a consumer is not part of ${intent.profile}`,
        'Denied',
        req(`kinesis:${a}`, consumer),
      );
    }
  }
  // A client that names its consumer: the consumer actions reach that consumer only.
  if (intent.consumerName !== undefined) {
    const name = intent.consumerName;
    for (const s of streams) {
      const others = [
        { why: `another consumer of ${s.name}`, arn: consumerArn(s.arn, `${name}-other`) },
        { why: `a consumer of ${s.name} whose name extends ${name}`, arn: consumerArn(s.arn, `${name}x`) },
      ];
      if (name !== 'kinesis-access-probe') {
        others.push({ why: `the probe consumer of ${s.name}`, arn: consumerArn(s.arn) });
      }
      for (const o of others) {
        for (const a of consumerAllowed) {
          list.add('consumer', `${a} on ${o.why}`, 'Denied', req(`kinesis:${a}`, o.arn));
        }
      }
    }
  }
  for (const a of exp.accountWide.required) {
    list.add(
      'account-wide',
      `${intent.profile} needs ${a} (resource *)`,
      'Allowed',
      req(`kinesis:${a}`, '*'),
    );
  }
  for (const a of accountCandidates) {
    if (accountAllowed.has(a)) continue;
    list.add('account-wide', `${a} is not part of ${intent.profile}`, 'Denied', req(`kinesis:${a}`, '*'));
  }
  if (full) {
    for (const a of await actionsOn('kinesis', 'channel')) {
      const channel = `arn:${partition}:kinesis:${first.region}:${first.account}:channel/${PROBE}`;
      list.add('account-wide', `${a} (channels) is never granted`, 'Denied', req(`kinesis:${a}`, channel));
    }
  }

  // ---- The same actions on streams outside the grant -----------------------------------------------------
  // 'full': every action the profile may use, on every foreign variant. 'quick': every action on the neighbour
  // stream (the variant a `stream/*` or `stream/name*` widening hits first), and on the other variants (name
  // prefix, region, account, partition) the actions in turn, so that each action still meets several variants.
  const streamProbeActions = [...streamAllowed];
  const consumerProbeActions = [...consumerAllowed];
  const rotate = (actions: readonly string[], variant: number): readonly string[] =>
    full || variant === 0 ? actions : actions.filter((_, i) => i % 2 === variant % 2);
  for (const s of streams) {
    foreignStreams(s, streams, foreignAccount).forEach((f, variant) => {
      if (granted.has(f.arn)) return;
      for (const a of rotate(streamProbeActions, variant)) {
        list.add('foreign-stream', `${a} on ${f.why}`, 'Denied', req(`kinesis:${a}`, f.arn));
      }
      for (const a of rotate(consumerProbeActions, variant)) {
        list.add(
          'foreign-stream',
          `${a} on a consumer of ${f.why}`,
          'Denied',
          req(`kinesis:${a}`, consumerArn(f.arn, intent.consumerName)),
        );
      }
    });
  }

  // ---- KMS ---------------------------------------------------------------------------------------------
  const kmsAllowed = new Set<string>([
    ...(exp.decrypt ? ['Decrypt'] : []),
    ...(exp.generateDataKey ? ['GenerateDataKey'] : []),
  ]);
  const kmsCandidates = full ? await actionsOn('kms', 'key') : DANGEROUS_KMS_ACTIONS;
  const kms: CellSetup = { kind: 'kms' };
  const grantedKeys = new Set(streams.flatMap((s) => (s.kmsKeyArn === undefined ? [] : [s.kmsKeyArn])));
  for (const s of streams) {
    if (s.kmsKeyArn === undefined) continue;
    const key = s.kmsKeyArn;
    const k = parseArn(key);
    const ctx = {
      'kms:ViaService': kinesisViaService(s.partition, s.region),
      'kms:EncryptionContext:aws:kinesis:arn': s.arn,
    };
    for (const a of kmsAllowed) {
      list.add('kms', `${a} on the key of ${s.name} via Kinesis`, 'Allowed', req(`kms:${a}`, key, ctx), kms);
    }
    for (const a of kmsCandidates) {
      if (kmsAllowed.has(a)) continue;
      // Actions Kinesis never calls (key administration) do not take kms:ViaService: ask without context.
      const viaOk = await supportsConditionKey('kms', a, 'kms:ViaService');
      list.add(
        'kms',
        `kms:${a} is not part of ${intent.profile}`,
        'Denied',
        req(`kms:${a}`, key, viaOk ? ctx : {}),
        kms,
      );
    }
    const otherRegion = (PARTITION_REGIONS[s.partition] ?? []).find((r) => r !== s.region) ?? 'us-west-2';
    const otherKey = `arn:${k.partition}:kms:${k.region}:${k.account}:key/${OTHER_KEY_ID}`;
    const foreignKey = `arn:${k.partition}:kms:${k.region}:${foreignAccount}:${k.resource}`;
    const foreignStream = streamArn(s.partition, s.region, s.account, `${s.name}-other`);
    const otherPartitionVia = s.partition === 'aws-cn' ? 'amazonaws.com' : 'amazonaws.com.cn';
    for (const a of kmsAllowed) {
      const { 'kms:ViaService': _via, ...noVia } = ctx;
      list.add(
        'kms',
        `${a} via a Kinesis endpoint name of another partition`,
        'Denied',
        req(`kms:${a}`, key, { ...ctx, 'kms:ViaService': `kinesis.${s.region}.${otherPartitionVia}` }),
        kms,
      );
      list.add(
        'kms',
        `${a} without kms:ViaService (direct call)`,
        'Denied',
        req(`kms:${a}`, key, noVia),
        kms,
      );
      list.add(
        'kms',
        `${a} via another service (S3)`,
        'Denied',
        req(`kms:${a}`, key, { ...ctx, 'kms:ViaService': `s3.${s.region}.amazonaws.com` }),
        kms,
      );
      list.add(
        'kms',
        `${a} via Kinesis in another region (${otherRegion})`,
        'Denied',
        req(`kms:${a}`, key, { ...ctx, 'kms:ViaService': kinesisViaService(s.partition, otherRegion) }),
        kms,
      );
      if (!grantedKeys.has(otherKey)) {
        list.add(
          'kms',
          `${a} on another key in the same account`,
          'Denied',
          req(`kms:${a}`, otherKey, ctx),
          kms,
        );
      }
      list.add(
        'kms',
        `${a} on the same key id in another account`,
        'Denied',
        req(`kms:${a}`, foreignKey, ctx),
        kms,
      );
      if (requireContext) {
        const { 'kms:EncryptionContext:aws:kinesis:arn': _ec, ...noContext } = ctx;
        list.add(
          'kms',
          `${a} without the Kinesis encryption context`,
          'Denied',
          req(`kms:${a}`, key, noContext),
          kms,
        );
        if (!granted.has(foreignStream)) {
          list.add(
            'kms',
            `${a} with another stream's encryption context`,
            'Denied',
            req(`kms:${a}`, key, { ...ctx, 'kms:EncryptionContext:aws:kinesis:arn': foreignStream }),
            kms,
          );
        }
      }
    }
  }
  if (grantedKeys.size === 0) {
    const probeKey = `arn:${partition}:kms:${first.region}:${first.account}:key/${OTHER_KEY_ID}`;
    const ctx = {
      'kms:ViaService': kinesisViaService(partition, first.region),
      'kms:EncryptionContext:aws:kinesis:arn': first.arn,
    };
    for (const a of ['Decrypt', 'GenerateDataKey']) {
      list.add(
        'kms',
        `no stream is encrypted: no ${a} at all`,
        'Denied',
        req(`kms:${a}`, probeKey, ctx),
        kms,
      );
    }
  }

  // ---- KCL: DynamoDB tables; CloudWatch metrics (KCL, KPL) ------------------------------------------------
  const kclTables = Object.keys(exp.tables).length > 0;
  if (kclTables) {
    if (intent.kcl === undefined)
      throw new Error('iam-test-kit: kcl-consumer intent without kcl.applicationName');
    const app = intent.kcl.applicationName;
    const region = intent.kcl.region;
    const tableArn = (name: string, region_ = region, account = identityAccount) =>
      `arn:${partition}:dynamodb:${region_}:${account}:table/${name}`;
    const arnOf: Record<KclTableKind, string> = {
      'lease-table': tableArn(app),
      'lease-table-index': `${tableArn(app)}/index/${PROBE}`,
      'worker-metrics-table': tableArn(`${app}-WorkerMetricStats`),
      'coordinator-state-table': tableArn(`${app}-CoordinatorState`),
    };
    const label: Record<KclTableKind, string> = {
      'lease-table': `the lease table ${app}`,
      'lease-table-index': `an index of the lease table ${app}`,
      'worker-metrics-table': `the worker metrics table ${app}-WorkerMetricStats`,
      'coordinator-state-table': `the coordinator state table ${app}-CoordinatorState`,
    };
    const tableCandidates = full ? await actionsOn('dynamodb', 'table') : DANGEROUS_TABLE_ACTIONS;
    const indexCandidates = full ? await actionsOn('dynamodb', 'index') : ['Query', 'Scan'];
    for (const kind of KCL_TABLE_KINDS) {
      const sets = exp.tables[kind];
      const allowed = sets === undefined ? new Set<string>() : allowedSet(sets);
      for (const a of sets?.required ?? []) {
        list.add(
          'kcl',
          `KCL needs dynamodb:${a} on ${label[kind]}`,
          'Allowed',
          req(`dynamodb:${a}`, arnOf[kind]),
        );
      }
      for (const a of kind === 'lease-table-index' ? indexCandidates : tableCandidates) {
        if (allowed.has(a)) continue;
        list.add(
          'kcl',
          sets === undefined
            ? `dynamodb:${a} on ${label[kind]}: not used by ${exp.clients.join(', ')}`
            : `dynamodb:${a} is not needed by KCL on ${label[kind]}`,
          'Denied',
          req(`dynamodb:${a}`, arnOf[kind]),
        );
      }
    }
    const otherRegion = (PARTITION_REGIONS[partition] ?? []).find((r) => r !== region) ?? 'us-west-2';
    const foreignTables = [
      { why: 'another table', arn: tableArn(`${app}-other`) },
      { why: 'a table whose name extends the lease table', arn: `${tableArn(app)}x` },
      { why: 'the lease table name in another region', arn: tableArn(app, otherRegion) },
      { why: 'the lease table name in another account', arn: tableArn(app, region, foreignAccount) },
      { why: 'an index of another table', arn: `${tableArn(`${app}-other`)}/index/${PROBE}` },
      {
        why: 'the worker metrics table name in another account',
        arn: tableArn(`${app}-WorkerMetricStats`, region, foreignAccount),
      },
    ];
    const tableActions = [
      ...new Set(Object.values(exp.tables).flatMap((sets) => [...(sets?.required ?? [])])),
    ];
    for (const t of foreignTables) {
      for (const a of tableActions) {
        list.add('kcl', `dynamodb:${a} on ${t.why}`, 'Denied', req(`dynamodb:${a}`, t.arn));
      }
    }
  } else {
    const table = `arn:${partition}:dynamodb:${first.region}:${identityAccount}:table/${PROBE}`;
    for (const a of ['GetItem', 'PutItem', 'CreateTable']) {
      list.add(
        'other-service',
        `dynamodb:${a} is not part of ${intent.profile}`,
        'Denied',
        req(`dynamodb:${a}`, table),
      );
    }
  }
  if (exp.metricsNamespace !== undefined) {
    const ns = exp.metricsNamespace;
    const who = exp.clients.join(', ');
    list.add(
      'metrics',
      `${who} needs cloudwatch:PutMetricData in the namespace ${ns}`,
      'Allowed',
      req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': ns }),
    );
    list.add(
      'metrics',
      'cloudwatch:PutMetricData in another namespace',
      'Denied',
      req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': `${ns}-other` }),
    );
    list.add(
      'metrics',
      'cloudwatch:PutMetricData without a namespace',
      'Denied',
      req('cloudwatch:PutMetricData', '*'),
    );
  } else {
    list.add(
      'other-service',
      `cloudwatch:PutMetricData is not part of ${intent.profile}`,
      'Denied',
      req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': PROBE }),
    );
  }

  // ---- Other services: nothing ---------------------------------------------------------------------------
  list.add(
    'other-service',
    'no role chaining (sts:AssumeRole on another role)',
    'Denied',
    req('sts:AssumeRole', `arn:${partition}:iam::${identityAccount}:role/${PROBE}`),
  );
  list.add(
    'other-service',
    'no iam:PassRole',
    'Denied',
    req('iam:PassRole', `arn:${partition}:iam::${identityAccount}:role/${PROBE}`),
  );
  list.add('other-service', 'no S3', 'Denied', req('s3:GetObject', `arn:${partition}:s3:::${PROBE}/object`));
  list.add('other-service', 'no cloudwatch:GetMetricData', 'Denied', req('cloudwatch:GetMetricData', '*'));

  // ---- Trust ---------------------------------------------------------------------------------------------
  if (intent.trustedPrincipals.length > 0) {
    if (policies.trustPolicy === undefined) {
      structural.push({
        group: 'structure',
        why: 'the role has no trust policy',
        expected: 'a trust policy',
        got: 'none',
      });
    } else {
      addTrustCells(list, intent, identity, identityAccount, foreignAccount);
    }
  }

  // ---- Stream resource policies ---------------------------------------------------------------------------
  const sharedWith = intent.resourcePolicyPrincipals ?? [];
  const rps = policies.resourcePolicies ?? [];
  if (sharedWith.length === 0) {
    for (const rp of rps) {
      structural.push({
        group: 'structure',
        why: `a resource policy on ${rp.resourceArn} although the grant shares nothing`,
        expected: 'no resource policy',
        got: 'a resource policy',
      });
    }
  } else {
    const byArn = new Set(rps.map((r) => r.resourceArn));
    for (const rp of rps) {
      if (!granted.has(rp.resourceArn)) {
        structural.push({
          group: 'structure',
          why: `a resource policy on ${rp.resourceArn}, which is not a granted stream`,
          expected: 'resource policies only on granted streams',
          got: rp.resourceArn,
        });
      }
    }
    const shareAllowed = allowedSet(exp.share);
    const shareCandidates = full
      ? await actionsOn('kinesis', 'stream')
      : [...new Set([...DANGEROUS_STREAM_ACTIONS, ...exp.stream.required, ...exp.stream.optional])];
    for (const s of streams) {
      if (!byArn.has(s.arn)) {
        structural.push({
          group: 'structure',
          why: `no resource policy on the granted stream ${s.arn}`,
          expected: 'a resource policy sharing the stream',
          got: 'none',
        });
        continue;
      }
      const setup: CellSetup = { kind: 'resource-policy', policyOf: s.arn };
      for (const p of sharedWith) {
        const caller = callerFor(p, partition);
        for (const a of exp.share.required) {
          list.add(
            'resource-policy',
            `${p} shares ${a} on ${s.name}`,
            'Allowed',
            req(`kinesis:${a}`, s.arn, {}, caller),
            setup,
          );
        }
        for (const a of shareCandidates) {
          if (shareAllowed.has(a)) continue;
          list.add(
            'resource-policy',
            `${a} is not shared with ${p}`,
            'Denied',
            req(`kinesis:${a}`, s.arn, {}, caller),
            setup,
          );
        }
        const neighbour = streamArn(s.partition, s.region, s.account, `${s.name}-other`);
        if (!granted.has(neighbour)) {
          for (const a of exp.share.required) {
            list.add(
              'resource-policy',
              `${s.name}'s resource policy does not reach another stream`,
              'Denied',
              req(`kinesis:${a}`, neighbour, {}, caller),
              setup,
            );
          }
        }
      }
      const stranger = `arn:${partition}:iam::${foreignAccount}:role/kinesis-access-not-shared`;
      for (const a of exp.share.required) {
        list.add(
          'resource-policy',
          `${a} is not shared with an unlisted principal`,
          'Denied',
          req(`kinesis:${a}`, s.arn, {}, stranger),
          setup,
        );
      }
    }
  }
  return { cells: list.cells, structural };
}

function addTrustCells(
  list: CellList,
  intent: GrantIntent,
  roleArn: string,
  roleAccount: string,
  foreignAccount: string,
): void {
  const trust: CellSetup = { kind: 'trust' };
  const ext = intent.externalId;
  const extCtx: Record<string, string> = ext === undefined ? {} : { 'sts:ExternalId': ext };
  const extras = new Set(intent.extraTrustActions ?? []);
  const rolePartition = parseArn(roleArn).partition;
  const assume = (
    principal: string,
    context: Record<string, string>,
    action = 'sts:AssumeRole',
  ): SimRequest => ({
    principal,
    action,
    resource: roleArn,
    resourceAccount: roleAccount,
    context,
  });
  const trustedAccounts = new Set(intent.trustedPrincipals.filter(isAccountPrincipal).map(principalAccount));
  const trusted = new Set(intent.trustedPrincipals);
  for (const p of intent.trustedPrincipals) {
    const caller = callerFor(p, rolePartition);
    list.add('trust', `${p} may assume the role (sts:AssumeRole)`, 'Allowed', assume(caller, extCtx), trust);
    if (ext !== undefined) {
      list.add('trust', `${p} without the external id`, 'Denied', assume(caller, {}), trust);
      list.add(
        'trust',
        `${p} with a wrong external id`,
        'Denied',
        assume(caller, { 'sts:ExternalId': `${ext}-wrong` }),
        trust,
      );
    }
    for (const action of ['sts:TagSession', 'sts:SetSourceIdentity']) {
      const asked = extras.has(action);
      list.add(
        'trust',
        asked ? `${action} was asked for` : `${action} was not asked for`,
        asked ? 'Allowed' : 'Denied',
        assume(caller, extCtx, action),
        trust,
      );
    }
  }
  const strangers: { why: string; arn: string }[] = [];
  const principalAccounts = new Set(intent.trustedPrincipals.map(principalAccount));
  for (const account of principalAccounts) {
    if (!trustedAccounts.has(account)) {
      strangers.push({
        why: `another role in the trusted principal's account ${account}`,
        arn: `arn:${rolePartition}:iam::${account}:role/kinesis-access-not-trusted`,
      });
    }
  }
  if (!trustedAccounts.has(roleAccount)) {
    strangers.push({
      why: "another role in the granted role's own account",
      arn: `arn:${rolePartition}:iam::${roleAccount}:role/kinesis-access-not-trusted`,
    });
  }
  const firstRole = intent.trustedPrincipals.find((p) => !isAccountPrincipal(p));
  if (firstRole !== undefined) {
    const p = parseArn(firstRole);
    strangers.push({
      why: 'the trusted role name in another account',
      arn: `arn:${p.partition}:${p.service}::${foreignAccount}:${p.resource}`,
    });
    const name = p.resource.split('/').pop() ?? 'x';
    strangers.push({
      why: 'an IAM user with the trusted role name',
      arn: `arn:${p.partition}:iam::${p.account}:user/${name}`,
    });
    const other = otherPartition(p.partition);
    strangers.push({
      why: 'the trusted role ARN in another partition',
      arn: `arn:${other.partition}:${p.service}::${p.account}:${p.resource}`,
    });
  }
  strangers.push({
    why: 'a role in an unrelated account',
    arn: `arn:${rolePartition}:iam::${foreignAccount}:role/kinesis-access-not-trusted`,
  });
  for (const s of strangers) {
    if (trusted.has(s.arn)) continue;
    list.add('trust', `${s.why} may not assume the role`, 'Denied', assume(s.arn, extCtx), trust);
  }
}

/** The requesting principal for a trusted/shared principal: itself, or a role in an account principal's account. */
function callerFor(principal: string, partition: string): string {
  if (/^\d{12}$/.test(principal)) return `arn:${partition}:iam::${principal}:role/${PROBE}-caller`;
  const root = /^arn:([^:]+):iam::(\d{12}):root$/.exec(principal);
  if (root !== null) return `arn:${root[1]}:iam::${root[2]}:role/${PROBE}-caller`;
  return principal;
}

function foreignStreams(
  s: StreamRef,
  all: readonly StreamRef[],
  foreignAccount: string,
): { why: string; arn: string }[] {
  const out: { why: string; arn: string }[] = [
    {
      why: `another stream next to ${s.name}`,
      arn: streamArn(s.partition, s.region, s.account, `${s.name}-other`),
    },
  ];
  if (s.name.length > 1) {
    out.push({
      why: `a stream whose name is a prefix of ${s.name}`,
      arn: streamArn(s.partition, s.region, s.account, s.name.slice(0, -1)),
    });
  }
  const takenRegions = new Set(
    all.filter((o) => o.name === s.name && o.account === s.account).map((o) => o.region),
  );
  const region = (PARTITION_REGIONS[s.partition] ?? []).find((r) => !takenRegions.has(r));
  if (region !== undefined) {
    out.push({
      why: `${s.name} in another region (${region})`,
      arn: streamArn(s.partition, region, s.account, s.name),
    });
  }
  out.push({
    why: `${s.name} in another account`,
    arn: streamArn(s.partition, s.region, foreignAccount, s.name),
  });
  const other = otherPartition(s.partition);
  out.push({
    why: `${s.name} in another partition (${other.partition})`,
    arn: streamArn(other.partition, other.region, s.account, s.name),
  });
  return out;
}

function setupFor(
  cell: MatrixCell,
  policies: GrantPolicies,
  rpByArn: Map<string, PolicyDocumentLike>,
): SimulationSetup {
  const setup = cell.setup;
  switch (setup.kind) {
    case 'identity': {
      const rp = rpByArn.get(cell.request.resource);
      return rp === undefined
        ? { identityPolicies: policies.permissionPolicies }
        : { identityPolicies: policies.permissionPolicies, resourcePolicy: rp };
    }
    case 'kms': {
      const k = parseArn(cell.request.resource);
      return {
        identityPolicies: policies.permissionPolicies,
        resourcePolicy: defaultKeyPolicy(k.partition, k.account, cell.request.principal),
      };
    }
    case 'trust':
      return policies.trustPolicy === undefined
        ? { identityPolicies: [callerSideAllows('sts')] }
        : { identityPolicies: [callerSideAllows('sts')], resourcePolicy: policies.trustPolicy };
    case 'resource-policy': {
      const rp = rpByArn.get(setup.policyOf ?? cell.request.resource);
      return rp === undefined
        ? { identityPolicies: [callerSideAllows('kinesis')] }
        : { identityPolicies: [callerSideAllows('kinesis')], resourcePolicy: rp };
    }
  }
}

/** Build and run the whole matrix; returns the number of cells and every failed one. */
export async function runGrantMatrix(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixResult> {
  const { cells, structural } = await buildMatrix(policies, intent, options);
  const rpByArn = new Map((policies.resourcePolicies ?? []).map((r) => [r.resourceArn, r.document] as const));
  const failures: MatrixFailure[] = [...structural];
  const engine = options.engine ?? 'validated';
  if (engine === 'fast') {
    const problems = [
      ...validatePolicies(
        'identity',
        policies.permissionPolicies.map((document, i) => ({ name: `#${i + 1}`, document })),
      ),
      ...validatePolicies(
        'trust',
        policies.trustPolicy === undefined ? [] : [{ name: 'trust', document: policies.trustPolicy }],
      ),
      ...validatePolicies(
        'resource',
        (policies.resourcePolicies ?? []).map((r) => ({ name: r.resourceArn, document: r.document })),
      ),
    ];
    if (problems.length > 0) {
      return {
        cells: cells.length + structural.length,
        failures: [
          ...structural,
          ...problems.map((p) => ({
            group: 'structure' as const,
            why: p,
            expected: 'a valid policy',
            got: 'invalid',
          })),
        ],
      };
    }
  }
  for (const cell of cells) {
    const outcome = await simulate(cell.request, setupFor(cell, policies, rpByArn), engine);
    if (outcome.kind === 'error') {
      failures.push({
        group: cell.group,
        why: cell.why,
        request: cell.request,
        expected: cell.expected,
        got: `error: ${outcome.message}`,
      });
      continue;
    }
    const got: Decision = outcome.result === 'Allowed' ? 'Allowed' : 'Denied';
    if (got !== cell.expected) {
      failures.push({
        group: cell.group,
        why: cell.why,
        request: cell.request,
        expected: cell.expected,
        got: outcome.result,
      });
    }
  }
  return { cells: cells.length + structural.length, failures };
}

/** The suggested API: every failed cell (empty when the policies do exactly what the intent says). */
export async function checkGrantSemantics(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixFailure[]> {
  return [...(await runGrantMatrix(policies, intent, options)).failures];
}

export function formatFailure(f: MatrixFailure): string {
  if (f.request === undefined) return `[${f.group}] ${f.why}: expected ${f.expected}, got ${f.got}`;
  const r = f.request;
  const ctx = Object.keys(r.context).length === 0 ? '' : ` ${JSON.stringify(r.context)}`;
  return `[${f.group}] ${f.why}: ${r.principal} → ${r.action} on ${r.resource}${ctx}: expected ${f.expected}, got ${f.got}`;
}

/** Jest-friendly: resolves with the matrix size, or throws an Error listing every failed cell. */
export async function expectGrantSemantics(
  policies: GrantPolicies,
  intent: GrantIntent,
  options: MatrixOptions = {},
): Promise<MatrixResult> {
  const result = await runGrantMatrix(policies, intent, options);
  if (result.failures.length > 0) {
    throw new Error(
      `IAM simulation: ${result.failures.length} of ${result.cells} cells failed for ${intent.profile} grant ` +
        `(${intent.identityArn}):\n${result.failures.map((f) => `  ${formatFailure(f)}`).join('\n')}`,
    );
  }
  return result;
}
