/**
 * fast-check arbitraries of random VALID grants, for the property tests: every partition and profile, one to four
 * streams (some encrypted, some with keys in another account), several principals, and each profile's options.
 */
import { type GrantDocument, grantDocument } from '@kinesis-access/fixtures';
import fc from 'fast-check';
import { anyProfile } from './fast-check';

export const REGIONS = {
  aws: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
} as const;
export type Partition = keyof typeof REGIONS;

const account = fc.stringMatching(/^\d{12}$/);
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const keyId = fc.oneof(
  fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-')),
  hex(32).map((h) => `mrk-${h}`),
);
const streamName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{1,24}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_.-]{100,128}$/) },
);
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,40}$/);
const iamPath = fc.constantFrom('/', '/service-role/', '/data/team-a/');
const grantName = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/);

interface StreamDraft {
  readonly region: string;
  readonly name: string;
  readonly key?: { readonly id: string; readonly otherAccount: boolean };
}

export const validGrant: fc.Arbitrary<GrantDocument> = fc
  .record({
    partition: fc.constantFrom<Partition>('aws', 'aws-cn', 'aws-us-gov'),
    profile: anyProfile,
  })
  .chain(({ partition, profile }) => {
    const region = fc.constantFrom(...REGIONS[partition]);
    const roleArn = fc
      .tuple(account, iamPath, iamName)
      .map(([a, path, name]) => `arn:${partition}:iam::${a}:role${path}${name}`);
    const sharePrincipal = fc.oneof(
      roleArn,
      account.map((a) => `arn:${partition}:iam::${a}:root`),
      fc.tuple(account, iamName).map(([a, name]) => `arn:${partition}:iam::${a}:user/${name}`),
    );
    const streamDraft: fc.Arbitrary<StreamDraft> = fc.record(
      {
        region,
        name: streamName,
        key: fc.record({ id: keyId, otherAccount: fc.boolean() }),
      },
      { requiredKeys: ['region', 'name'] },
    );
    return fc.record({
      partition: fc.constant(partition),
      profile: fc.constant(profile),
      name: grantName,
      account,
      keyAccount: account,
      streams: fc.uniqueArray(streamDraft, {
        minLength: 1,
        maxLength: 4,
        selector: (s) => `${s.region}/${s.name}`,
      }),
      principals: fc.uniqueArray(roleArn, { minLength: 1, maxLength: 3 }),
      externalId: fc.option(fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/), { nil: undefined }),
      extraTrustActions: fc.subarray(['sts:TagSession', 'sts:SetSourceIdentity']),
      role: fc.option(fc.record({ path: iamPath, suffix: fc.option(iamName, { nil: undefined }) }), {
        nil: undefined,
      }),
      kcl: fc.record({
        applicationName: fc.stringMatching(/^[a-zA-Z0-9_.-]{3,40}$/),
        region: fc.option(region, { nil: undefined }),
        version: fc.option(fc.constantFrom(2 as const, 3 as const), { nil: undefined }),
        metricsNamespace: fc.option(fc.stringMatching(/^[A-Za-z0-9_./#-]{1,40}$/), { nil: undefined }),
      }),
      consumerName: fc.option(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,40}$/), { nil: undefined }),
      kplMetrics: fc.option(
        fc.record({
          namespace: fc.option(fc.stringMatching(/^[A-Za-z0-9_./#-]{1,40}$/), { nil: undefined }),
        }),
        { nil: undefined },
      ),
      credentials: fc.constantFrom('role', 'iam-user'),
      share: fc.option(fc.uniqueArray(sharePrincipal, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    });
  })
  .filter((d) => d.keyAccount !== d.account && (d.share ?? []).every((p) => !p.includes(`::${d.account}:`)))
  .map((d) => {
    const streams = d.streams.map((s) => ({
      arn: `arn:${d.partition}:kinesis:${s.region}:${d.account}:stream/${s.name}`,
      ...(s.key === undefined
        ? {}
        : {
            kmsKeyArn: `arn:${d.partition}:kms:${s.region}:${s.key.otherAccount ? d.keyAccount : d.account}:key/${s.key.id}`,
          }),
    }));
    const [first, ...more] = d.principals as [string, ...string[]];
    const spec: GrantDocument['spec'] = {
      profile: d.profile,
      principal: {
        roleArn: first,
        ...(more.length === 0 ? {} : { additionalRoleArns: more }),
        // ClickPipes sends no external id (refused there); Upsolver's role mode always has one.
        ...(d.profile === 'clickpipes'
          ? {}
          : d.profile === 'upsolver' && d.credentials === 'role'
            ? { externalId: d.externalId ?? 'upsolver-connection' }
            : d.externalId === undefined
              ? {}
              : { externalId: d.externalId }),
        ...(d.extraTrustActions.length === 0 ? {} : { extraTrustActions: d.extraTrustActions }),
      },
      streams,
    };
    if (d.role !== undefined) {
      spec.role = {
        path: d.role.path,
        ...(d.role.suffix === undefined
          ? {}
          : { name: `${d.profile === 'clickpipes' ? 'ClickHouseAccessRole-' : ''}${d.role.suffix}` }),
      };
    }
    if (d.profile === 'kcl-consumer') {
      spec.kcl = {
        applicationName: d.kcl.applicationName,
        ...(d.kcl.region === undefined ? {} : { region: d.kcl.region }),
        ...(d.kcl.version === undefined ? {} : { version: d.kcl.version }),
        ...(d.kcl.metricsNamespace === undefined ? {} : { metricsNamespace: d.kcl.metricsNamespace }),
      };
    }
    if (['kcl-consumer', 'read', 'read-write'].includes(d.profile) && d.consumerName !== undefined) {
      spec.consumerName = d.consumerName;
    }
    if (['write', 'read-write'].includes(d.profile) && d.kplMetrics !== undefined) {
      spec.kplMetrics = d.kplMetrics.namespace === undefined ? {} : { namespace: d.kplMetrics.namespace };
    }
    if (d.profile === 'upsolver') spec.upsolver = { credentials: d.credentials };
    if (d.share !== undefined) spec.resourcePolicy = { principals: d.share };
    return grantDocument(d.name, spec);
  });
