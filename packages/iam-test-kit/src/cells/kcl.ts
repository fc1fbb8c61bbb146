/**
 * Cells of the group `kcl`: what KCL needs on its DynamoDB tables (lease table, its index, the KCL 3.x metadata
 * tables), nothing else there, nothing on tables next to them. Without KCL tables, DynamoDB is denied
 * (group `other-service`).
 */
import { PARTITION_REGIONS } from '../arn';
import { actionsOn } from '../catalog';
import { DANGEROUS_TABLE_ACTIONS, KCL_TABLE_KINDS, type KclTableKind } from '../profiles';
import { allowedSet, type MatrixContext, PROBE } from './context';

export async function addKclCells(ctx: MatrixContext): Promise<void> {
  const { exp, intent, list, req, partition, identityAccount } = ctx;
  if (Object.keys(exp.tables).length === 0) {
    addNoTableCells(ctx);
    return;
  }
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
  const tableCandidates = ctx.full ? await actionsOn('dynamodb', 'table') : DANGEROUS_TABLE_ACTIONS;
  const indexCandidates = ctx.full ? await actionsOn('dynamodb', 'index') : ['Query', 'Scan'];
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
    { why: 'the lease table name in another account', arn: tableArn(app, region, ctx.foreignAccount) },
    { why: 'an index of another table', arn: `${tableArn(`${app}-other`)}/index/${PROBE}` },
    {
      why: 'the worker metrics table name in another account',
      arn: tableArn(`${app}-WorkerMetricStats`, region, ctx.foreignAccount),
    },
  ];
  const tableActions = [...new Set(Object.values(exp.tables).flatMap((sets) => [...(sets?.required ?? [])]))];
  for (const t of foreignTables) {
    for (const a of tableActions) {
      list.add('kcl', `dynamodb:${a} on ${t.why}`, 'Denied', req(`dynamodb:${a}`, t.arn));
    }
  }
}

/** A profile without KCL tables gets no DynamoDB. */
function addNoTableCells(ctx: MatrixContext): void {
  const table = `arn:${ctx.partition}:dynamodb:${ctx.first.region}:${ctx.identityAccount}:table/${PROBE}`;
  for (const a of ['GetItem', 'PutItem', 'CreateTable']) {
    ctx.list.add(
      'other-service',
      `dynamodb:${a} is not part of ${ctx.intent.profile}`,
      'Denied',
      ctx.req(`dynamodb:${a}`, table),
    );
  }
}
