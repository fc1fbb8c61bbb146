/**
 * Cells of the groups `stream`, `consumer` and `account-wide`: Kinesis on the granted streams, their consumers and
 * `*` (what the profile needs is allowed; every other action of the catalog, or the dangerous ones, is denied).
 */
import { consumerArn } from '../arn';
import { actionsOn } from '../catalog';
import { DANGEROUS_ACCOUNT_ACTIONS, DANGEROUS_CONSUMER_ACTIONS, DANGEROUS_STREAM_ACTIONS } from '../profiles';
import { allowedSet, type GrantedStream, type MatrixContext, PROBE } from './context';

/** Stream and consumer cells stream by stream, then the named-consumer and account-wide cells. */
export async function addGrantedKinesisCells(ctx: MatrixContext): Promise<void> {
  const streamCandidates = ctx.full ? await actionsOn('kinesis', 'stream') : DANGEROUS_STREAM_ACTIONS;
  const consumerCandidates = ctx.full ? await actionsOn('kinesis', 'consumer') : DANGEROUS_CONSUMER_ACTIONS;
  for (const s of ctx.streams) {
    addStreamCells(ctx, s, streamCandidates);
    addConsumerCells(ctx, s, consumerCandidates);
  }
  addNamedConsumerCells(ctx);
  await addAccountWideCells(ctx);
}

/** `stream`: the profile's stream actions on a granted stream; every other candidate action is denied. */
export function addStreamCells(ctx: MatrixContext, s: GrantedStream, candidates: readonly string[]): void {
  const { exp, intent, list, req } = ctx;
  const allowed = allowedSet(exp.stream);
  for (const a of exp.stream.required) {
    list.add(
      'stream',
      `${intent.profile} needs ${a} on every granted stream`,
      'Allowed',
      req(`kinesis:${a}`, s.arn),
    );
  }
  for (const a of candidates) {
    if (allowed.has(a)) continue;
    list.add('stream', `${a} is not part of ${intent.profile}`, 'Denied', req(`kinesis:${a}`, s.arn));
  }
}

/** `consumer`: the profile's consumer actions on the stream's consumer; every other candidate is denied. */
export function addConsumerCells(ctx: MatrixContext, s: GrantedStream, candidates: readonly string[]): void {
  const { exp, intent, list, req } = ctx;
  const allowed = allowedSet(exp.consumer);
  const consumer = consumerArn(s.arn, intent.consumerName);
  for (const a of exp.consumer.required) {
    list.add(
      'consumer',
      `${intent.profile} needs ${a} on the consumers of every granted stream`,
      'Allowed',
      req(`kinesis:${a}`, consumer),
    );
  }
  for (const a of candidates) {
    if (allowed.has(a)) continue;
    list.add(
      'consumer',
      `${a} on a consumer is not part of ${intent.profile}`,
      'Denied',
      req(`kinesis:${a}`, consumer),
    );
  }
}

/** `consumer`: a client that names its consumer reaches that consumer only. */
export function addNamedConsumerCells(ctx: MatrixContext): void {
  const { exp, intent, list, req } = ctx;
  if (intent.consumerName === undefined) return;
  const name = intent.consumerName;
  const allowed = allowedSet(exp.consumer);
  for (const s of ctx.streams) {
    const others = [
      { why: `another consumer of ${s.name}`, arn: consumerArn(s.arn, `${name}-other`) },
      { why: `a consumer of ${s.name} whose name extends ${name}`, arn: consumerArn(s.arn, `${name}x`) },
    ];
    if (name !== 'kinesis-access-probe') {
      others.push({ why: `the probe consumer of ${s.name}`, arn: consumerArn(s.arn) });
    }
    for (const o of others) {
      for (const a of allowed) {
        list.add('consumer', `${a} on ${o.why}`, 'Denied', req(`kinesis:${a}`, o.arn));
      }
    }
  }
}

/** `account-wide`: the profile's `*` actions; every other one is denied, and (full depth) every channel action. */
export async function addAccountWideCells(ctx: MatrixContext): Promise<void> {
  const { exp, intent, list, req, first } = ctx;
  const allowed = allowedSet(exp.accountWide);
  const candidates = ctx.full ? await actionsOn('kinesis', '*') : DANGEROUS_ACCOUNT_ACTIONS;
  for (const a of exp.accountWide.required) {
    list.add(
      'account-wide',
      `${intent.profile} needs ${a} (resource *)`,
      'Allowed',
      req(`kinesis:${a}`, '*'),
    );
  }
  for (const a of candidates) {
    if (allowed.has(a)) continue;
    list.add('account-wide', `${a} is not part of ${intent.profile}`, 'Denied', req(`kinesis:${a}`, '*'));
  }
  if (ctx.full) {
    for (const a of await actionsOn('kinesis', 'channel')) {
      const channel = `arn:${ctx.partition}:kinesis:${first.region}:${first.account}:channel/${PROBE}`;
      list.add('account-wide', `${a} (channels) is never granted`, 'Denied', req(`kinesis:${a}`, channel));
    }
  }
}
