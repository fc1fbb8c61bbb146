/**
 * Cells of the group `kms`: Decrypt / GenerateDataKey on the granted streams' keys only via Kinesis in the key's
 * region (and, when required, only with the stream's encryption context); nothing else on those keys, nothing on
 * other keys, and no KMS at all when no stream is encrypted.
 */
import { PARTITION_REGIONS, parseArn, streamArn } from '../arn';
import { actionsOn, supportsConditionKey } from '../catalog';
import { DANGEROUS_KMS_ACTIONS } from '../profiles';
import type { CellSetup } from '../types';
import { type GrantedStream, type MatrixContext, OTHER_KEY_ID } from './context';

const kms: CellSetup = Object.freeze({ kind: 'kms' });

/**
 * The `kms:ViaService` value of Kinesis in a region: the service endpoint name, whose DNS suffix is
 * `amazonaws.com.cn` in the China partition.
 */
export function kinesisViaService(partition: string, region: string): string {
  return `kinesis.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

export async function addKmsCells(ctx: MatrixContext): Promise<void> {
  const { exp } = ctx;
  const allowed = new Set<string>([
    ...(exp.decrypt ? ['Decrypt'] : []),
    ...(exp.generateDataKey ? ['GenerateDataKey'] : []),
  ]);
  const candidates = ctx.full ? await actionsOn('kms', 'key') : DANGEROUS_KMS_ACTIONS;
  const grantedKeys = new Set(ctx.streams.flatMap((s) => (s.kmsKeyArn === undefined ? [] : [s.kmsKeyArn])));
  for (const s of ctx.streams) {
    if (s.kmsKeyArn === undefined) continue;
    await addKeyCells(ctx, s, s.kmsKeyArn, allowed, candidates, grantedKeys);
  }
  if (grantedKeys.size === 0) addNoKeyCells(ctx);
}

/** One encrypted stream's key: allowed via Kinesis; every other action, caller path and key denied. */
async function addKeyCells(
  ctx: MatrixContext,
  s: GrantedStream,
  key: string,
  allowed: ReadonlySet<string>,
  candidates: readonly string[],
  grantedKeys: ReadonlySet<string>,
): Promise<void> {
  const { intent, list, req } = ctx;
  const k = parseArn(key);
  const viaKinesis = {
    'kms:ViaService': kinesisViaService(s.partition, s.region),
    'kms:EncryptionContext:aws:kinesis:arn': s.arn,
  };
  for (const a of allowed) {
    list.add(
      'kms',
      `${a} on the key of ${s.name} via Kinesis`,
      'Allowed',
      req(`kms:${a}`, key, viaKinesis),
      kms,
    );
  }
  for (const a of candidates) {
    if (allowed.has(a)) continue;
    // Actions Kinesis never calls (key administration) do not take kms:ViaService: ask without context.
    const viaOk = await supportsConditionKey('kms', a, 'kms:ViaService');
    list.add(
      'kms',
      `kms:${a} is not part of ${intent.profile}`,
      'Denied',
      req(`kms:${a}`, key, viaOk ? viaKinesis : {}),
      kms,
    );
  }
  const otherRegion = (PARTITION_REGIONS[s.partition] ?? []).find((r) => r !== s.region) ?? 'us-west-2';
  const otherKey = `arn:${k.partition}:kms:${k.region}:${k.account}:key/${OTHER_KEY_ID}`;
  const foreignKey = `arn:${k.partition}:kms:${k.region}:${ctx.foreignAccount}:${k.resource}`;
  const foreignStream = streamArn(s.partition, s.region, s.account, `${s.name}-other`);
  const otherPartitionVia = s.partition === 'aws-cn' ? 'amazonaws.com' : 'amazonaws.com.cn';
  for (const a of allowed) {
    const { 'kms:ViaService': _via, ...noVia } = viaKinesis;
    list.add(
      'kms',
      `${a} via a Kinesis endpoint name of another partition`,
      'Denied',
      req(`kms:${a}`, key, { ...viaKinesis, 'kms:ViaService': `kinesis.${s.region}.${otherPartitionVia}` }),
      kms,
    );
    list.add('kms', `${a} without kms:ViaService (direct call)`, 'Denied', req(`kms:${a}`, key, noVia), kms);
    list.add(
      'kms',
      `${a} via another service (S3)`,
      'Denied',
      req(`kms:${a}`, key, { ...viaKinesis, 'kms:ViaService': `s3.${s.region}.amazonaws.com` }),
      kms,
    );
    list.add(
      'kms',
      `${a} via Kinesis in another region (${otherRegion})`,
      'Denied',
      req(`kms:${a}`, key, { ...viaKinesis, 'kms:ViaService': kinesisViaService(s.partition, otherRegion) }),
      kms,
    );
    if (!grantedKeys.has(otherKey)) {
      list.add(
        'kms',
        `${a} on another key in the same account`,
        'Denied',
        req(`kms:${a}`, otherKey, viaKinesis),
        kms,
      );
    }
    list.add(
      'kms',
      `${a} on the same key id in another account`,
      'Denied',
      req(`kms:${a}`, foreignKey, viaKinesis),
      kms,
    );
    if (ctx.requireContext) {
      const { 'kms:EncryptionContext:aws:kinesis:arn': _ec, ...noContext } = viaKinesis;
      list.add(
        'kms',
        `${a} without the Kinesis encryption context`,
        'Denied',
        req(`kms:${a}`, key, noContext),
        kms,
      );
      if (!ctx.granted.has(foreignStream)) {
        list.add(
          'kms',
          `${a} with another stream's encryption context`,
          'Denied',
          req(`kms:${a}`, key, { ...viaKinesis, 'kms:EncryptionContext:aws:kinesis:arn': foreignStream }),
          kms,
        );
      }
    }
  }
}

/** No stream is encrypted: no Decrypt or GenerateDataKey on any key. */
function addNoKeyCells(ctx: MatrixContext): void {
  const { first, partition } = ctx;
  const probeKey = `arn:${partition}:kms:${first.region}:${first.account}:key/${OTHER_KEY_ID}`;
  const via = {
    'kms:ViaService': kinesisViaService(partition, first.region),
    'kms:EncryptionContext:aws:kinesis:arn': first.arn,
  };
  for (const a of ['Decrypt', 'GenerateDataKey']) {
    ctx.list.add(
      'kms',
      `no stream is encrypted: no ${a} at all`,
      'Denied',
      ctx.req(`kms:${a}`, probeKey, via),
      kms,
    );
  }
}
