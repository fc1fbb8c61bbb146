import { changeGrant } from './grant-change';
import { CLICKHOUSE_ROLE, grant, KEY, streamArn } from '@kinesis-access/fixtures';
import type { GrantSpec } from './types';
import { validateGrant } from './validate';

function spec(input: unknown): GrantSpec {
  const result = validateGrant(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const ORDERS = streamArn('orders');
const PAYMENTS = streamArn('payments');
const OTHER_KEY = 'arn:aws:kms:us-east-1:123456789012:key/0f0f0f0f-1111-2222-3333-444455556666';
const current = spec(grant({ streams: [{ arn: ORDERS }, { arn: PAYMENTS, kmsKeyArn: KEY }] }));

const problemsOf = (result: ReturnType<typeof changeGrant>) => (result.ok ? [] : result.problems);

describe('changeGrant', () => {
  it('adds and removes streams, keeping everything else of the grant', () => {
    const clicks = streamArn('clicks', 'eu-west-1');
    const result = changeGrant(current, { addStreams: [{ arn: clicks }], removeStreams: [ORDERS] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.spec.spec.streams).toEqual([{ arn: PAYMENTS, kmsKeyArn: KEY }, { arn: clicks }]);
    expect(result.value.spec.metadata).toEqual(current.metadata);
    expect(result.value.spec.spec.principal).toEqual(current.spec.principal);
    expect(result.value.plan.streams.map((s) => s.arn).sort()).toEqual([clicks, PAYMENTS].sort());
  });

  it('sets, changes and clears KMS keys', () => {
    const result = changeGrant(current, {
      kmsKeys: [
        { streamArn: ORDERS, kmsKeyArn: OTHER_KEY },
        { streamArn: PAYMENTS, kmsKeyArn: '' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.spec.spec.streams).toEqual([
      { arn: ORDERS, kmsKeyArn: OTHER_KEY },
      { arn: PAYMENTS },
    ]);
  });

  it('swaps the ClickHouse role', () => {
    const other = 'arn:aws:iam::999988887777:role/ClickHouse-Service-Role';
    const result = changeGrant(current, { clickhouseRoleArn: other });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.spec.spec.principal.roleArn).toBe(other);
    expect(result.value.plan.trustPolicy.Statement[0]?.Principal?.AWS).toEqual([other]);
  });

  it('names the change input field of every problem, with what was received', () => {
    const result = changeGrant(current, {
      addStreams: [{ arn: ORDERS }, { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' }],
      removeStreams: [streamArn('missing')],
      kmsKeys: [{ streamArn: streamArn('nope'), kmsKeyArn: OTHER_KEY }],
    });
    expect(problemsOf(result).map((p) => p.path)).toEqual([
      'removeStreams[0]',
      'addStreams[0].arn',
      'kmsKeys[0].streamArn',
    ]);
    expect(problemsOf(result)[0]?.message).toMatch(
      /is not a stream of grant "orders" \(its streams: .*orders, .*payments\), received ".*stream\/missing"/,
    );
  });

  it('maps model problems of added streams, new keys and the new principal to their input fields', () => {
    const result = changeGrant(current, {
      addStreams: [
        { arn: streamArn('x') },
        { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' },
      ],
      kmsKeys: [{ streamArn: ORDERS, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/orders' }],
      clickhouseRoleArn: 'arn:aws:iam::111122223333:user/not-a-role',
    });
    const paths = problemsOf(result).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['addStreams[1].arn', 'kmsKeys[0].kmsKeyArn', 'clickhouseRoleArn']),
    );
    expect(paths.every((p) => !p.startsWith('spec.'))).toBe(true);
  });

  it('refuses removing every stream (that is a revoke) and a change that changes nothing', () => {
    expect(problemsOf(changeGrant(current, { removeStreams: [ORDERS, PAYMENTS] }))).toEqual([
      { path: 'removeStreams', message: expect.stringMatching(/removes every stream .*revoke/) },
    ]);
    expect(problemsOf(changeGrant(current, {}))).toEqual([
      { path: '', message: 'the change leaves grant "orders" as it is: nothing to change' },
    ]);
    expect(
      problemsOf(changeGrant(current, { clickhouseRoleArn: CLICKHOUSE_ROLE, addStreams: [{ arn: '' }] })),
    ).toHaveLength(1);
  });
});
