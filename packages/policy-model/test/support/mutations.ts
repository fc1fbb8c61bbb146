/**
 * Mutations that make a valid grant INVALID, for the property tests: each changes one field in place and names the
 * field path the model must report.
 */
import type { GrantDocument } from '@kinesis-access/fixtures';
import { type Partition, REGIONS } from './valid-grants';

export type Mutable = { [k: string]: unknown };
export interface Mutation {
  readonly name: string;
  /** Mutates the grant in place; returns the field path that must be reported. */
  readonly apply: (g: GrantDocument & Mutable, pick: number) => string;
}

const at = <T>(list: readonly T[], pick: number): [T, number] => {
  const index = pick % list.length;
  return [list[index] as T, index];
};
const streamAt = (g: GrantDocument, pick: number) => {
  const [s, i] = at(g.spec.streams, pick);
  return { s, i, path: `spec.streams[${i}]` };
};
/** Makes `g` a grant of `profile`, dropping the options of the other profiles. */
const switchProfile = (g: GrantDocument, profile: string): void => {
  g.spec.profile = profile;
  for (const option of ['kcl', 'upsolver', 'consumerName', 'kplMetrics']) g.spec[option] = undefined;
};
const replaceName = (arn: string, name: string) => arn.replace(/stream\/.*$/, `stream/${name}`);

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'wildcard stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = `${s.arn}*`;
      return `${path}.arn`;
    },
  },
  {
    name: 'wildcard account',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(/:\d{12}:/, ':*:');
      return `${path}.arn`;
    },
  },
  {
    name: 'foreign partition',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(/^arn:[^:]+:/, 'arn:aws-iso:');
      return `${path}.arn`;
    },
  },
  {
    name: 'other service',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = s.arn.replace(':kinesis:', ':firehose:');
      return `${path}.arn`;
    },
  },
  {
    name: 'injection characters in the stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [bad] = at(['"', "'", '{', '}', ' ', '\n', '/', '$', '\\', '`', '<'], p);
      s.arn = replaceName(s.arn, `or${bad}ders`);
      return `${path}.arn`;
    },
  },
  {
    name: 'overlong stream name',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      s.arn = replaceName(s.arn, 'x'.repeat(129 + (p % 50)));
      return `${path}.arn`;
    },
  },
  {
    name: 'duplicate stream',
    apply: (g, p) => {
      const { s } = streamAt(g, p);
      g.spec.streams.push({ arn: s.arn });
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'stream in another account',
    apply: (g) => {
      const first = g.spec.streams[0] as { arn: string };
      const other = first.arn.replace(
        /:(\d{12}):/,
        (_m, a: string) => `:${a === '999999999999' ? '888888888888' : '999999999999'}:`,
      );
      g.spec.streams.push({ arn: replaceName(other, 'mixed-account') });
      // The odd one out is blamed (one against one: every stream, each naming the whole list).
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'stream in another partition',
    apply: (g) => {
      const first = g.spec.streams[0] as { arn: string };
      const other = first.arn.startsWith('arn:aws:')
        ? first.arn.replace(/^arn:aws:kinesis:[^:]+:/, 'arn:aws-cn:kinesis:cn-north-1:')
        : first.arn.replace(/^arn:[^:]+:kinesis:[^:]+:/, 'arn:aws:kinesis:us-east-1:');
      g.spec.streams.push({ arn: replaceName(other, 'mixed-partition') });
      // The odd one out is blamed (one against one: every stream, each naming the whole list).
      return `spec.streams[${g.spec.streams.length - 1}].arn`;
    },
  },
  {
    name: 'KMS alias',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [, partition, region, acct] = /^arn:([^:]+):kinesis:([^:]+):(\d{12}):/.exec(s.arn) ?? [];
      s.kmsKeyArn = `arn:${partition}:kms:${region}:${acct}:alias/stream-key`;
      return `${path}.kmsKeyArn`;
    },
  },
  {
    name: 'KMS key in another region',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      const [, partition, region, acct] = /^arn:([^:]+):kinesis:([^:]+):(\d{12}):/.exec(s.arn) ?? [];
      const regions = REGIONS[partition as Partition];
      const other = regions.find((r) => r !== region) as string;
      s.kmsKeyArn = `arn:${partition}:kms:${other}:${acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
      return `${path}.kmsKeyArn`;
    },
  },
  {
    name: 'wildcard principal',
    apply: (g) => {
      g.spec.principal.roleArn = g.spec.principal.roleArn.replace(/role\/.*$/, 'role/*');
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'principal in another partition',
    apply: (g) => {
      const r = g.spec.principal.roleArn;
      g.spec.principal.roleArn = r.startsWith('arn:aws:')
        ? r.replace('arn:aws:', 'arn:aws-us-gov:')
        : r.replace(/^arn:[^:]+:/, 'arn:aws:');
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'principal is not a role ARN',
    apply: (g, p) => {
      const [bad] = at(
        ['', 'ClickHouse-Service-Role', 'arn:aws:iam::111122223333:user/x', 'arn:aws:iam::111122223333:root'],
        p,
      );
      g.spec.principal.roleArn = bad;
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'misspelled field',
    apply: (g, p) => {
      const [typo] = at(['streem', 'principle', 'profle', 'resourcePolicies', 'kms'], p);
      (g.spec as Mutable)[typo] = (g.spec as Mutable).streams;
      return `spec.${typo}`;
    },
  },
  {
    name: 'misspelled stream field',
    apply: (g, p) => {
      const { s, path } = streamAt(g, p);
      (s as Mutable).kmsKeyARN =
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      return `${path}.kmsKeyARN`;
    },
  },
  {
    name: 'unknown top-level field',
    apply: (g) => {
      g.status = { ready: true };
      return 'status';
    },
  },
  {
    name: 'wrong type for streams',
    apply: (g, p) => {
      const [bad] = at<unknown>(
        ['arn:aws:kinesis:us-east-1:123456789012:stream/orders', 42, null, { arn: 'x' }],
        p,
      );
      (g.spec as Mutable).streams = bad;
      return 'spec.streams';
    },
  },
  {
    name: 'wrong type for the principal role ARN',
    apply: (g, p) => {
      const [bad] = at<unknown>([42, true, ['arn:aws:iam::111122223333:role/x'], { arn: 'x' }], p);
      (g.spec.principal as Mutable).roleArn = bad;
      return 'spec.principal.roleArn';
    },
  },
  {
    name: 'unknown profile',
    apply: (g, p) => {
      const [bad] = at<unknown>(['admin', 'READ', 'clickpipes ', 7], p);
      g.spec.profile = bad as string;
      return 'spec.profile';
    },
  },
  {
    name: 'bad grant name',
    apply: (g, p) => {
      const [bad] = at<unknown>(['Orders', 'orders_x', '-orders', 'a'.repeat(70), 'or"ders', 'or*', ''], p);
      g.metadata.name = bad as string;
      return 'metadata.name';
    },
  },
  {
    name: 'wrong apiVersion',
    apply: (g) => {
      (g as Mutable).apiVersion = 'kinesis-access/v2';
      return 'apiVersion';
    },
  },
  {
    name: 'bad external id',
    apply: (g, p) => {
      const [bad] = at<unknown>(['x', 'has space', 'quote"d', 12345], p);
      g.spec.principal.externalId = bad;
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'an external id on clickpipes (ClickPipes sends none)',
    apply: (g) => {
      switchProfile(g, 'clickpipes');
      g.spec.role = undefined;
      g.spec.principal.externalId = 'tenant-1';
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'upsolver in role mode without its external id',
    apply: (g) => {
      switchProfile(g, 'upsolver');
      g.spec.upsolver = { credentials: 'role' };
      g.spec.principal.externalId = undefined;
      return 'spec.principal.externalId';
    },
  },
  {
    name: 'a bad KCL version',
    apply: (g, p) => {
      const [bad] = at<unknown>([1, 4, '3', null], p);
      g.spec.profile = 'kcl-consumer';
      g.spec.upsolver = undefined;
      g.spec.kplMetrics = undefined;
      g.spec.kcl = { applicationName: 'app', version: bad };
      return 'spec.kcl.version';
    },
  },
  {
    name: 'wildcard resource-policy principal',
    apply: (g, p) => {
      const [bad] = at(['*', 'arn:aws:iam::*:root', 'arn:aws:iam::111122223333:role/*'], p);
      g.spec.resourcePolicy = { principals: [bad] };
      return 'spec.resourcePolicy.principals[0]';
    },
  },
];
