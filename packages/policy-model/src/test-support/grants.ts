/** Grant fixtures for the unit tests. */
import type { GrantSpec, ProfileName } from '../types';

export const ACCOUNT = '123456789012';
export const CLICKHOUSE_ROLE = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;
export const MRK = `arn:aws:kms:us-west-2:${ACCOUNT}:key/mrk-1234567890abcdef1234567890abcdef`;

export const streamArn = (name: string, region = 'us-east-1', account = ACCOUNT, partition = 'aws') =>
  `arn:${partition}:kinesis:${region}:${account}:stream/${name}`;

type Spec = GrantSpec['spec'];

export const UPSOLVER_EXTERNAL_ID = 'upsolver-connection-7f3a';

/** A valid grant; `spec` fields override the defaults. Returned as a plain mutable object (tests break it). */
// biome-ignore lint/suspicious/noExplicitAny: tests mutate fixtures freely to make them invalid
type Mutable = Record<string, any>;

export function grant(spec: Partial<Spec> & { profile?: ProfileName } = {}, name = 'orders'): Mutable {
  const profile = spec.profile ?? 'clickpipes';
  return structuredClone({
    apiVersion: 'kinesis-access/v1',
    kind: 'KinesisAccessGrant',
    metadata: { name },
    spec: {
      profile,
      // Upsolver's role-based setup always has an external id (the model requires one in role mode).
      principal: {
        roleArn: CLICKHOUSE_ROLE,
        ...(profile === 'upsolver' ? { externalId: UPSOLVER_EXTERNAL_ID } : {}),
      },
      streams: [{ arn: streamArn('orders') }],
      ...(profile === 'kcl-consumer' ? { kcl: { applicationName: 'orders-app' } } : {}),
      ...spec,
    },
  });
}

/** `count` streams in one region, named stream-0000… */
export function manyStreams(count: number, region = 'us-east-1'): { arn: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    arn: streamArn(`stream-${String(i).padStart(4, '0')}`, region),
  }));
}

export const ALL_PROFILES: readonly ProfileName[] = [
  'clickpipes',
  'read',
  'write',
  'read-write',
  'kcl-consumer',
  'upsolver',
];
