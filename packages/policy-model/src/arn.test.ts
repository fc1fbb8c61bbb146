import fc from 'fast-check';
import {
  dnsSuffix,
  parseConsumerArn,
  parseKmsKeyArn,
  parsePolicyArn,
  parsePrincipalArn,
  parseRoleArn,
  parseStreamArn,
  regionPartition,
} from './arn';

const reason = (result: { ok: boolean; reason?: string }) => (result.ok ? 'ok' : result.reason);

describe('Kinesis stream ARNs', () => {
  it.each([
    ['arn:aws:kinesis:us-east-1:123456789012:stream/orders', 'aws', 'us-east-1', 'orders'],
    ['arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a.b_c-1', 'aws-cn', 'cn-north-1', 'a.b_c-1'],
    ['arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/x', 'aws-us-gov', 'us-gov-west-1', 'x'],
  ])('parses %s', (text, partition, region, streamName) => {
    const result = parseStreamArn(text);
    expect(result).toEqual({
      ok: true,
      arn: {
        kind: 'kinesis-stream',
        partition,
        service: 'kinesis',
        region,
        accountId: '123456789012',
        resource: `stream/${streamName}`,
        streamName,
      },
    });
  });

  it('accepts names of exactly 128 characters and refuses 129', () => {
    expect(parseStreamArn(`arn:aws:kinesis:us-east-1:123456789012:stream/${'a'.repeat(128)}`).ok).toBe(true);
    expect(
      reason(parseStreamArn(`arn:aws:kinesis:us-east-1:123456789012:stream/${'a'.repeat(129)}`)),
    ).toMatch(/1–128 characters/);
  });

  it.each([
    ['arn:aws:kinesis:us-east-1:123456789012:stream/*', /wildcards/],
    ['arn:aws:kinesis:us-east-1:*:stream/orders', /wildcards/],
    ['arn:aws:kinesis:*:123456789012:stream/orders', /wildcards/],
    ['arn:aws:kinesis:us-east-1:123456789012:stream/ord?rs', /wildcards/],
    ['arn:aws:kinesis:us-east-1:12345678901:stream/orders', /12 digits/],
    ['arn:aws:kinesis:us-east-1:aws:stream/orders', /12 digits/],
    ['arn:aws:s3:::bucket', /must be an ARN of service "kinesis", but the service is "s3"/],
    ['arn:aws-iso:kinesis:us-iso-east-1:123456789012:stream/orders', /partition "aws-iso" is not supported/],
    ['arn:aws:kinesis:cn-north-1:123456789012:stream/orders', /belongs to partition "aws-cn", not "aws"/],
    ['arn:aws-cn:kinesis:us-east-1:123456789012:stream/orders', /belongs to partition "aws", not "aws-cn"/],
    ['arn:aws:kinesis:us-gov-west-1:123456789012:stream/orders', /belongs to partition "aws-us-gov"/],
    ['arn:aws:kinesis:useast1:123456789012:stream/orders', /not a region name/],
    [
      'arn:aws:kinesis:us-east-1:123456789012:stream/orders/consumer/app:1674696300',
      /consumer ARN: give the stream ARN/,
    ],
    ['arn:aws:kinesis:us-east-1:123456789012:table/orders', /"stream\/<name>"/],
    ['arn:aws:kinesis:us-east-1:123456789012:stream/', /stream name "" must be 1–128/],
    ['arn:aws:kinesis:us-east-1:123456789012:stream/or"ders', /stream name/],
    ['arn:aws:kinesis:us-east-1:123456789012:stream/a b', /whitespace/],
    ['orders', /must be an ARN/],
    ['', /must be an ARN/],
  ])('refuses %s', (text, expected) => {
    expect(reason(parseStreamArn(text))).toMatch(expected);
  });
});

describe('Kinesis consumer ARNs', () => {
  it('parses a consumer ARN', () => {
    const result = parseConsumerArn(
      'arn:aws:kinesis:us-east-2:123456789012:stream/datastreamABC/consumer/consumerDEF:1674696300',
    );
    expect(result.ok && result.arn).toMatchObject({
      kind: 'kinesis-consumer',
      streamName: 'datastreamABC',
      consumerName: 'consumerDEF',
      creationTimestamp: '1674696300',
    });
  });

  it('refuses a stream ARN and a wildcard consumer', () => {
    expect(reason(parseConsumerArn('arn:aws:kinesis:us-east-2:123456789012:stream/s'))).toMatch(/consumer/);
    expect(reason(parseConsumerArn('arn:aws:kinesis:us-east-2:123456789012:stream/s/consumer/*'))).toMatch(
      /wildcards/,
    );
  });
});

describe('KMS key ARNs', () => {
  it('parses key ids and multi-region keys', () => {
    const key = parseKmsKeyArn('arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(key.ok && key.arn).toMatchObject({
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      multiRegion: false,
    });
    const mrk = parseKmsKeyArn('arn:aws:kms:eu-west-1:123456789012:key/mrk-1234567890abcdef1234567890abcdef');
    expect(mrk.ok && mrk.arn).toMatchObject({ multiRegion: true, region: 'eu-west-1' });
  });

  it.each([
    ['arn:aws:kms:us-east-1:123456789012:alias/orders', /alias ARNs are refused.*describe-key/],
    ['arn:aws:kms:us-east-1:123456789012:key/1234', /key id "1234"/],
    ['arn:aws:kms:us-east-1:123456789012:key/mrk-123', /multi-region/],
    ['arn:aws:kms:us-east-1:123456789012:key/1234ABCD-12AB-34CD-56EF-1234567890AB', /key id/],
    ['arn:aws:kms:us-east-1:123456789012:key/*', /wildcards/],
    ['arn:aws:kinesis:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', /service "kms"/],
  ])('refuses %s', (text, expected) => {
    expect(reason(parseKmsKeyArn(text))).toMatch(expected);
  });
});

describe('IAM ARNs', () => {
  it('parses roles with and without a path', () => {
    expect(parseRoleArn('arn:aws:iam::111122223333:role/ClickHouse-Service-Role')).toMatchObject({
      ok: true,
      arn: { kind: 'iam-role', path: '/', roleName: 'ClickHouse-Service-Role', region: '' },
    });
    expect(parseRoleArn('arn:aws:iam::111122223333:role/service/team/reader')).toMatchObject({
      ok: true,
      arn: { path: '/service/team/', roleName: 'reader' },
    });
  });

  it.each([
    ['arn:aws:iam::111122223333:role/*', /wildcards/],
    ['arn:aws:iam::*:role/x', /wildcards/],
    ['arn:aws:iam:us-east-1:111122223333:role/x', /no region/],
    ['arn:aws:iam::111122223333:user/x', /IAM role ARN/],
    ['arn:aws:iam::111122223333:role/', /role name "" must be 1–64/],
    [`arn:aws:iam::111122223333:role/${'r'.repeat(65)}`, /1–64/],
    ['arn:aws:iam::111122223333:role/a"b', /role name/],
    ['arn:aws:iam::111122223333:role//x', /path/],
    ['arn:aws:sts::111122223333:assumed-role/x/y', /service "iam"/],
  ])('refuses role %s', (text, expected) => {
    expect(reason(parseRoleArn(text))).toMatch(expected);
  });

  it('parses resource-policy principals: role, user, account root', () => {
    expect(parsePrincipalArn('arn:aws:iam::444455556666:root')).toMatchObject({
      ok: true,
      arn: { kind: 'iam-root' },
    });
    expect(parsePrincipalArn('arn:aws:iam::444455556666:user/ops/bob')).toMatchObject({
      ok: true,
      arn: { kind: 'iam-user', userName: 'bob' },
    });
    expect(parsePrincipalArn('arn:aws:iam::444455556666:role/r')).toMatchObject({
      ok: true,
      arn: { kind: 'iam-role' },
    });
    expect(reason(parsePrincipalArn('arn:aws:iam::444455556666:group/g'))).toMatch(
      /role, user or account root/,
    );
    expect(reason(parsePrincipalArn('444455556666'))).toMatch(/must be an ARN/);
  });

  it('parses policy ARNs, including AWS managed ones', () => {
    expect(parsePolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toMatchObject({
      ok: true,
      arn: { accountId: 'aws' },
    });
    expect(parsePolicyArn('arn:aws:iam::123456789012:policy/boundaries/kinesis')).toMatchObject({
      ok: true,
      arn: { path: '/boundaries/', policyName: 'kinesis' },
    });
    expect(reason(parsePolicyArn('arn:aws:iam::123456789012:role/x'))).toMatch(/policy ARN/);
  });
});

describe('regions and partitions', () => {
  it('maps regions to partitions', () => {
    expect(regionPartition('eu-central-2')).toBe('aws');
    expect(regionPartition('cn-northwest-1')).toBe('aws-cn');
    expect(regionPartition('us-gov-east-1')).toBe('aws-us-gov');
    expect(regionPartition('mars-1')).toBeUndefined();
    expect(dnsSuffix('aws-cn')).toBe('amazonaws.com.cn');
    expect(dnsSuffix('aws-us-gov')).toBe('amazonaws.com');
  });
});

describe('fast parsers agree with the diagnosing parsers', () => {
  const arn = require('./arn') as typeof import('./arn');
  const where = fc.constantFrom(
    ['aws', 'us-east-1'],
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws', 'cn-north-1'],
  );
  const account = fc.constantFrom('123456789012', '210987654321', 'aws');
  const name = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,130}$/);
  const iamName = fc.stringMatching(/^[\w+=,.@-]{1,66}$/);
  const iamPath = fc
    .array(fc.stringMatching(/^[\w+=,.@-]{1,8}$/), { maxLength: 3 })
    .map((segments) => segments.map((x) => `${x}/`).join(''));
  const valid = fc.oneof(
    fc.tuple(where, account, name).map(([[p, r], a, n]) => `arn:${p}:kinesis:${r}:${a}:stream/${n}`),
    fc
      .tuple(where, account, name, name, fc.nat())
      .map(([[p, r], a, n, c, t]) => `arn:${p}:kinesis:${r}:${a}:stream/${n}/consumer/${c}:${t}`),
    fc
      .tuple(where, account, fc.oneof(fc.uuid(), fc.stringMatching(/^mrk-[0-9a-f]{32}$/)))
      .map(([[p, r], a, k]) => `arn:${p}:kms:${r}:${a}:key/${k}`),
    fc
      .tuple(where, account, fc.constantFrom('role', 'user', 'policy'), iamPath, iamName)
      .map(([[p], a, t, path, n]) => `arn:${p}:iam::${a}:${t}/${path}${n}`),
    fc.tuple(where, account).map(([[p], a]) => `arn:${p}:iam::${a}:root`),
  );
  /** Valid ARNs, and ARNs one edit away from valid. */
  const text = fc
    .tuple(valid, fc.nat(), fc.constantFrom('', '*', '?', ' ', '/', ':', '"', 'A', '-', 'DEL'))
    .map(([arnText, at, edit]) => {
      const i = at % (arnText.length + 1);
      if (edit === 'DEL') return arnText.slice(0, i) + arnText.slice(i + 1);
      return arnText.slice(0, i) + edit + arnText.slice(i);
    });

  it.each(['StreamArn', 'ConsumerArn', 'KmsKeyArn', 'RoleArn', 'PrincipalArn', 'PolicyArn'] as const)(
    'parse%s',
    (kind) => {
      const fast = arn[`parse${kind}`] as (t: string) => unknown;
      const slow = arn[`diagnose${kind}`] as (t: string) => unknown;
      fc.assert(
        fc.property(
          fc.oneof(
            { arbitrary: valid, weight: 2 },
            { arbitrary: text, weight: 2 },
            { arbitrary: fc.string(), weight: 1 },
          ),
          (input) => {
            expect(fast(input)).toEqual(slow(input));
          },
        ),
        { numRuns: 3000 },
      );
    },
  );
});
