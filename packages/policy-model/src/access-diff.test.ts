import { accessOf, applyGrantAccessDiff, diffAccess, diffGrantAccess, hasAccessChanges } from './access-diff';
import { renderAccessDiffMarkdown } from './access-diff-markdown';
import { compileGrant, type PlanOptions } from './plan';
import { ACCOUNT, CLICKHOUSE_ROLE, grant, KEY, MRK, manyStreams, streamArn } from '@kinesis-access/fixtures';
import type { GrantPlan, PolicyDocument } from './types';

function plan(input: unknown, options?: PlanOptions): GrantPlan {
  const result = compileGrant(input, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const one = (before: unknown, after: unknown) => {
  const diff = diffAccess([plan(before)], [plan(after)]);
  expect(diff.grants).toHaveLength(1);
  return diff.grants[0] as NonNullable<(typeof diff.grants)[number]>;
};

const consumers = (stream: string) => `${stream}/consumer/*`;
const ORDERS = streamArn('orders');
const PAYMENTS = streamArn('payments');
const OTHER_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f0f0f0f-1111-2222-3333-444455556666`;
const STANDBY = 'arn:aws:iam::444455556666:role/ClickHouse-Standby';

/** A plan made by hand: the diff reads policy documents, whatever produced them. */
function handPlan(name: string, policies: PolicyDocument[], trust?: Partial<PolicyDocument>): GrantPlan {
  const base = plan(grant({}, name));
  return {
    ...base,
    policies: policies.map((document, i) => ({ name: `${name}-${i + 1}`, document })),
    ...(trust === undefined ? {} : { trustPolicy: { ...base.trustPolicy, ...trust } }),
  };
}

describe('accessOf', () => {
  it('expands statements to one entry per action and resource, conditions beside them, sorted', () => {
    const access = accessOf(
      handPlan('hand', [
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'B',
              Effect: 'Allow',
              Action: ['kinesis:ListShards', 'kinesis:GetRecords'],
              Resource: [ORDERS],
            },
            {
              Sid: 'A',
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Resource: KEY,
              Condition: { StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com' } },
            },
          ],
        },
      ]),
    );
    expect(access.allow).toEqual([
      { action: 'kinesis:GetRecords', resource: ORDERS },
      { action: 'kinesis:ListShards', resource: ORDERS },
      {
        action: 'kms:Decrypt',
        resource: KEY,
        conditions: { StringEquals: { 'kms:ViaService': ['kinesis.us-east-1.amazonaws.com'] } },
      },
    ]);
  });

  it('merges statements split over one condition key back into one entry', () => {
    const kms = (values: string[], sid: string) => ({
      Sid: sid,
      Effect: 'Allow' as const,
      Action: ['kms:Decrypt'],
      Resource: [KEY],
      Condition: {
        StringEquals: {
          'kms:ViaService': 'kinesis.us-east-1.amazonaws.com',
          'kms:EncryptionContext:aws:kinesis:arn': values,
        },
      },
    });
    const split = handPlan('hand', [
      { Version: '2012-10-17', Statement: [kms([PAYMENTS], 'KmsPart1')] },
      { Version: '2012-10-17', Statement: [kms([ORDERS], 'KmsPart2')] },
    ]);
    const whole = handPlan('hand', [{ Version: '2012-10-17', Statement: [kms([ORDERS, PAYMENTS], 'Kms')] }]);
    expect(accessOf(split)).toEqual(accessOf(whole));
    expect(accessOf(split).allow).toEqual([
      {
        action: 'kms:Decrypt',
        resource: KEY,
        conditions: {
          StringEquals: {
            'kms:EncryptionContext:aws:kinesis:arn': [ORDERS, PAYMENTS],
            'kms:ViaService': ['kinesis.us-east-1.amazonaws.com'],
          },
        },
      },
    ]);
  });

  it('does not merge statements that differ in two keys, or under a negated operator', () => {
    const statement = (operator: string, a: string, b: string) => ({
      Effect: 'Allow' as const,
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { [operator]: { 'aws:k1': a, 'aws:k2': b } },
    });
    const twoKeys = handPlan('hand', [
      {
        Version: '2012-10-17',
        Statement: [statement('StringEquals', 'a', 'x'), statement('StringEquals', 'b', 'y')],
      },
    ]);
    expect(accessOf(twoKeys).allow).toHaveLength(2);
    const negated = handPlan('hand', [
      {
        Version: '2012-10-17',
        Statement: [statement('StringNotEquals', 'a', 'x'), statement('StringNotEquals', 'b', 'x')],
      },
    ]);
    expect(accessOf(negated).allow).toHaveLength(2);
  });

  it('lets an unconditional grant absorb a conditional one on the same action and resource', () => {
    const access = accessOf(
      handPlan('hand', [
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY },
            {
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Resource: KEY,
              Condition: { StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com' } },
            },
          ],
        },
      ]),
    );
    expect(access.allow).toEqual([{ action: 'kms:Decrypt', resource: KEY }]);
  });

  it('does not depend on how the statements were packed into managed policies', () => {
    const input = grant({
      streams: manyStreams(60).map((s, i) => (i % 3 === 0 ? { ...s, kmsKeyArn: KEY } : s)),
    });
    const packedSmall = plan(input, { maxPolicyChars: 1500 });
    const packedDefault = plan(input);
    expect(packedSmall.policies.length).toBeGreaterThan(packedDefault.policies.length);
    expect(accessOf(packedSmall)).toEqual(accessOf(packedDefault));
    expect(diffGrantAccess(accessOf(packedDefault), accessOf(packedSmall)).change).toBe('unchanged');
  });
});

describe('diffAccess on real grants', () => {
  it('a stream added: gains read access on it and its consumers, loses nothing, same principals', () => {
    const diff = one(
      grant({ streams: [{ arn: ORDERS }] }),
      grant({ streams: [{ arn: ORDERS }, { arn: PAYMENTS }] }),
    );
    expect(diff.change).toBe('changed');
    expect(diff.allow.removed).toEqual([]);
    const resources = new Set(diff.allow.added.map((e) => e.resource));
    expect(resources).toEqual(new Set([PAYMENTS, consumers(PAYMENTS)]));
    expect(diff.allow.added).toEqual(
      expect.arrayContaining([
        { action: 'kinesis:GetRecords', resource: PAYMENTS },
        { action: 'kinesis:GetShardIterator', resource: PAYMENTS },
        { action: 'kinesis:SubscribeToShard', resource: consumers(PAYMENTS) },
      ]),
    );
    // ListStreams on `*` was already there: not a gain.
    expect(diff.allow.added.some((e) => e.resource === '*')).toBe(false);
    expect(diff.principals).toEqual({ added: [], removed: [] });
    expect(diff.role.before).toBe(diff.role.after);
  });

  it('a stream removed: exactly the mirror of adding it', () => {
    const small = grant({ streams: [{ arn: ORDERS }] });
    const big = grant({ streams: [{ arn: ORDERS }, { arn: PAYMENTS }] });
    const added = one(small, big);
    const removed = one(big, small);
    expect(removed.allow.removed).toEqual(added.allow.added);
    expect(removed.allow.added).toEqual([]);
  });

  it('a KMS key changed: the old key is lost, the new one gained, both pinned to Kinesis', () => {
    const diff = one(
      grant({ streams: [{ arn: ORDERS, kmsKeyArn: KEY }] }),
      grant({ streams: [{ arn: ORDERS, kmsKeyArn: OTHER_KEY }] }),
    );
    expect(diff.allow.removed.map((e) => [e.action, e.resource])).toEqual([['kms:Decrypt', KEY]]);
    expect(diff.allow.added.map((e) => [e.action, e.resource])).toEqual([['kms:Decrypt', OTHER_KEY]]);
    expect(diff.allow.added[0]?.conditions?.StringEquals).toMatchObject({
      'kms:ViaService': ['kinesis.us-east-1.amazonaws.com'],
      'kms:EncryptionContext:aws:kinesis:arn': [ORDERS],
    });
  });

  it('a key added to an unencrypted stream gains only kms:Decrypt on that key', () => {
    const west = streamArn('orders', 'us-west-2');
    const diff = one(
      grant({ streams: [{ arn: west }] }),
      grant({ streams: [{ arn: west, kmsKeyArn: MRK }] }),
    );
    expect(diff.allow.removed).toEqual([]);
    expect(diff.allow.added.map((e) => `${e.action} ${e.resource}`)).toEqual([`kms:Decrypt ${MRK}`]);
  });

  it('principals, external ID and trust actions: who may assume the role', () => {
    // A generic profile: ClickPipes sends no external ID, so the model refuses one on `clickpipes`.
    const before = grant({ profile: 'read', principal: { roleArn: CLICKHOUSE_ROLE } });
    const after = grant({
      profile: 'read',
      principal: {
        roleArn: CLICKHOUSE_ROLE,
        additionalRoleArns: [STANDBY],
        externalId: 'ext-2',
        extraTrustActions: ['sts:TagSession'],
      },
    });
    const diff = one(before, after);
    expect(diff.change).toBe('changed');
    expect(diff.allow).toEqual({ added: [], removed: [] });
    expect(diff.principals).toEqual({ added: [STANDBY], removed: [] });
    expect(diff.trust.actions).toEqual({ added: ['sts:TagSession'], removed: [] });
    expect(diff.trust.externalId).toEqual({ before: null, after: 'ext-2' });
    const back = one(after, before);
    expect(back.principals).toEqual({ added: [], removed: [STANDBY] });
    expect(back.trust.externalId).toEqual({ before: 'ext-2', after: null });
  });

  it('the ClickHouse role swapped: one principal removed, one added', () => {
    const other = 'arn:aws:iam::999988887777:role/ClickHouse-Service-Role';
    const diff = one(grant({}), grant({ principal: { roleArn: other } }));
    expect(diff.principals).toEqual({ added: [other], removed: [CLICKHOUSE_ROLE] });
  });

  it('a profile change from read to read-write gains the write actions and nothing else', () => {
    const diff = one(
      grant({ profile: 'read', principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/app` } }),
      grant({ profile: 'read-write', principal: { roleArn: `arn:aws:iam::${ACCOUNT}:role/app` } }),
    );
    expect(diff.profile).toEqual({ before: 'read', after: 'read-write' });
    expect(diff.allow.added).toEqual(
      expect.arrayContaining([
        { action: 'kinesis:PutRecord', resource: ORDERS },
        { action: 'kinesis:PutRecords', resource: ORDERS },
      ]),
    );
    expect(diff.allow.added.every((e) => !e.action.startsWith('kinesis:Get'))).toBe(true);
  });

  it('a profile change from read-write to write loses reading', () => {
    const principal = { roleArn: `arn:aws:iam::${ACCOUNT}:role/app` };
    const diff = one(grant({ profile: 'read-write', principal }), grant({ profile: 'write', principal }));
    expect(diff.allow.removed).toEqual(
      expect.arrayContaining([{ action: 'kinesis:GetRecords', resource: ORDERS }]),
    );
    expect(diff.allow.removed.some((e) => e.action === 'kinesis:PutRecord')).toBe(false);
  });

  it('a renamed role is a replaced role', () => {
    const diff = one(grant({}), grant({ role: { name: 'ClickHouseAccessRole-orders-v2' } }));
    expect(diff.change).toBe('changed');
    expect(diff.role).toEqual({
      before: `arn:aws:iam::${ACCOUNT}:role/ClickHouseAccessRole-orders`,
      after: `arn:aws:iam::${ACCOUNT}:role/ClickHouseAccessRole-orders-v2`,
    });
  });

  it('stream resource policy principals are shared access', () => {
    const partner = 'arn:aws:iam::210987654321:root';
    const principal = { roleArn: `arn:aws:iam::${ACCOUNT}:role/app` };
    const diff = one(
      grant({ profile: 'read', principal }),
      grant({ profile: 'read', principal, resourcePolicy: { principals: [partner] } }),
    );
    expect(diff.allow).toEqual({ added: [], removed: [] });
    expect(diff.shared.removed).toEqual([]);
    expect(diff.shared.added.length).toBeGreaterThan(0);
    expect(diff.shared.added.every((e) => e.principal === partner && e.resource === ORDERS)).toBe(true);
    expect(diff.shared.added).toEqual(
      expect.arrayContaining([{ principal: partner, action: 'kinesis:GetRecords', resource: ORDERS }]),
    );
  });

  it('grants added, removed and unchanged between two sets, sorted by name', () => {
    const a = plan(grant({}, 'alpha'));
    const b = plan(grant({}, 'bravo'));
    const c = plan(grant({ streams: [{ arn: PAYMENTS }] }, 'charlie'));
    const diff = diffAccess([c, a], [b, a]);
    expect(diff.grants.map((g) => [g.name, g.change])).toEqual([
      ['alpha', 'unchanged'],
      ['bravo', 'added'],
      ['charlie', 'removed'],
    ]);
    const added = diff.grants[1];
    expect(added?.allow.removed).toEqual([]);
    expect(added?.allow.added).toEqual(accessOf(b).allow);
    expect(added?.principals).toEqual({ added: [CLICKHOUSE_ROLE], removed: [] });
    expect(added?.role).toEqual({ before: null, after: b.role.arn });
    const removed = diff.grants[2];
    expect(removed?.allow.removed.map((e) => e.resource)).toContain(PAYMENTS);
    expect(removed?.principals).toEqual({ added: [], removed: [CLICKHOUSE_ROLE] });
    expect(hasAccessChanges(diff)).toBe(true);
    expect(hasAccessChanges(diffAccess([a, b], [b, a]))).toBe(false);
  });

  it('refuses two grants with one name on one side', () => {
    const a = plan(grant({}, 'alpha'));
    expect(() => diffAccess([a, a], [])).toThrow(/before: grant "alpha" appears twice/);
  });

  it('applying a diff to the old access gives the new access', () => {
    const before = accessOf(plan(grant({ profile: 'read', streams: [{ arn: ORDERS, kmsKeyArn: KEY }] })));
    const after = accessOf(
      plan(
        grant({
          profile: 'read',
          streams: [{ arn: PAYMENTS, kmsKeyArn: KEY }],
          principal: { roleArn: CLICKHOUSE_ROLE, externalId: 'x-1' },
        }),
      ),
    );
    const applied = applyGrantAccessDiff(before, diffGrantAccess(before, after));
    expect(applied).toEqual({ allow: after.allow, trust: after.trust, shared: after.shared });
  });
});

describe('renderAccessDiffMarkdown', () => {
  it('says what each grant gains and loses, by resource, and who may assume it', () => {
    const before = [
      plan(grant({ profile: 'read', streams: [{ arn: ORDERS, kmsKeyArn: KEY }] }, 'orders')),
      plan(grant({}, 'gone')),
    ];
    const after = [
      plan(
        grant(
          {
            profile: 'read',
            streams: [
              { arn: ORDERS, kmsKeyArn: KEY },
              { arn: PAYMENTS, kmsKeyArn: KEY },
            ],
            principal: { roleArn: CLICKHOUSE_ROLE, externalId: 'ext-9', additionalRoleArns: [STANDBY] },
          },
          'orders',
        ),
      ),
    ];
    const md = renderAccessDiffMarkdown(diffAccess(before, after));
    expect(md).toMatch(/^## Kinesis access changes\n\n2 grants: 1 changed, 1 removed\.\n/);
    expect(md).toMatch(/\| `orders` \| changed \| \+\d+ −1 \| \+1 −0, external ID \| — \|/);
    expect(md).toContain('| `gone` | removed |');
    expect(md).toContain('### `orders`: changed');
    expect(md).toMatch(
      new RegExp(
        `\\*\\*Permissions gained\\*\\* \\(\\d+ entries\\)\\n\\n- \`${PAYMENTS}\`: .*\`kinesis:GetRecords\``,
      ),
    );
    expect(md).toContain(
      `- \`kms:Decrypt\` on \`${KEY}\`: \`kms:EncryptionContext:aws:kinesis:arn\` StringEquals: now also \`${PAYMENTS}\``,
    );
    expect(md).toContain(`- may now assume it: \`${STANDBY}\``);
    expect(md).toContain('- external ID: none → `ext-9`');
    expect(md).toMatch(
      /### `gone`: removed\n\nGrant removed: after merge the pipeline destroys role `[^`]+ClickHouseAccessRole-gone`/,
    );
    expect(md).toContain(`- may no longer assume it: \`${CLICKHOUSE_ROLE}\``);
    expect(md).not.toContain('orders`: unchanged');
  });

  it('says so when nothing changed', () => {
    const a = plan(grant({}));
    expect(renderAccessDiffMarkdown(diffAccess([a], [a]))).toBe(
      '## Kinesis access changes\n\nNo access changes (1 grant compared, all unchanged).\n',
    );
  });

  it('cuts long lists and says how many were left out', () => {
    const md = renderAccessDiffMarkdown(diffAccess([], [plan(grant({ streams: manyStreams(30) }))]), {
      maxListLines: 10,
    });
    expect(md).toContain('- … and 51 more (`kinesis-access diff --format json` lists every one)');
    expect(md).toContain(`New role \`arn:aws:iam::${ACCOUNT}:role/ClickHouseAccessRole-orders\``);
  });
});
