import { formatProblem } from './errors';
import { compileGrantYaml, grantToYaml, parseGrantYaml } from './parse';
import { grant } from '@kinesis-access/fixtures';
import { PROFILE_NAMES } from './profiles';
import type { GrantSpec, Problem } from './types';
import { validateGrant } from './validate';

const GOOD = `apiVersion: kinesis-access/v1
kind: KinesisAccessGrant
metadata:
  name: orders-clickpipes
spec:
  profile: clickpipes
  principal:
    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role
  streams:
    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
      kmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
`;

function problemsOf(text: string): readonly Problem[] {
  const result = parseGrantYaml(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseGrantYaml', () => {
  it('parses a valid grant', () => {
    const result = parseGrantYaml(GOOD);
    expect(result.ok && result.value.metadata.name).toBe('orders-clickpipes');
  });

  it('maps each problem to the line of its field', () => {
    const text = `apiVersion: kinesis-access/v1
kind: KinesisAccessGrant
metadata:
  name: Orders
spec:
  profle: clickpipes
  principal:
    roleArn: arn:aws:iam::111122223333:role/*
  role:
    maxSessionDuration: 60
  streams:
    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/orders
      kmsKeyArn: arn:aws:kms:us-east-1:123456789012:alias/orders
`;
    const byPath = Object.fromEntries(problemsOf(text).map((p) => [p.path, p.line]));
    expect(byPath).toEqual({
      'metadata.name': 4,
      'spec.profle': 6,
      'spec.principal.roleArn': 8,
      'spec.role.maxSessionDuration': 10,
      'spec.streams[1].arn': 13,
      'spec.streams[1].kmsKeyArn': 14,
    });
  });

  it('points a missing field at its parent', () => {
    const text = GOOD.replace(
      '  principal:\n    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role\n',
      '  principal: {}\n',
    );
    expect(problemsOf(text)).toEqual([
      { path: 'spec.principal.roleArn', message: 'is required (a string)', line: 7, column: 14 },
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    const problems = problemsOf('apiVersion: kinesis-access/v1\nkind: [KinesisAccessGrant\nmetadata:\n');
    expect(problems[0]).toMatchObject({ path: '', message: expect.stringMatching(/^YAML syntax error: /) });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(formatProblem(problems[0] as Problem, 'a.yaml')).toMatch(
      /^a\.yaml: \(document\): YAML syntax error: .* \(line \d+\)$/,
    );
  });

  it('refuses duplicate keys (a second value must not silently win)', () => {
    const problems = problemsOf(
      GOOD.replace('  profile: clickpipes\n', '  profile: clickpipes\n  profile: write\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: '', message: 'YAML syntax error: Map keys must be unique', line: 7 }),
    ]);
  });

  it.each([
    ['', /the file is empty/],
    ['# only a comment\n', /the file is empty/],
    ['a: 1\n---\nb: 2\n', /multiple documents/],
    ['x: *anchor\n', /alias/],
    ['- a\n- b\n', /must be a mapping of fields, received an array of 2/],
    ['just text', /must be a mapping of fields, received "just text"/],
  ])('refuses %p', (text, expected) => {
    expect(problemsOf(text)[0]?.message).toMatch(expected);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    expect(problemsOf(`${bomb.join('\n')}\n`)[0]?.message).toMatch(/YAML error: .*alias/i);
  });
});

describe('compileGrantYaml', () => {
  it('gives quota problems their line too', () => {
    const streams = Array.from(
      { length: 1000 },
      (_, i) => `    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/s${i}`,
    ).join('\n');
    const text = GOOD.replace(/ {2}streams:\n[\s\S]*$/, `  streams:\n${streams}\n`);
    const result = compileGrantYaml(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({
      path: 'spec.streams',
      line: 9,
      message: expect.stringMatching(/managed policies/),
    });
  });

  it('plans a valid grant', () => {
    const result = compileGrantYaml(GOOD);
    expect(result.ok && result.value.role.name).toBe('ClickHouseAccessRole-orders-clickpipes');
  });
});

describe('grantToYaml', () => {
  const full = (): GrantSpec => {
    const input = grant({
      profile: 'read-write',
      principal: {
        roleArn: 'arn:aws:iam::111122223333:role/ch',
        externalId: 'abc',
        extraTrustActions: ['sts:TagSession'],
      },
      consumerName: 'orders-efo',
      kplMetrics: { namespace: 'Orders/KPL' },
      role: { tags: { zeta: '1', alpha: '2' }, path: '/x/', maxSessionDuration: 7200 },
      resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
      quotas: { maxManagedPolicies: 12 },
    });
    input.metadata.description = 'Orders: analytics #1';
    const result = validateGrant(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  };

  it('round-trips through parseGrantYaml', () => {
    for (const profile of PROFILE_NAMES) {
      const spec = validateGrant(grant({ profile })) as { ok: true; value: GrantSpec };
      expect(parseGrantYaml(grantToYaml(spec.value))).toEqual({ ok: true, value: spec.value });
    }
    const kcl = validateGrant(
      grant({
        profile: 'kcl-consumer',
        kcl: { applicationName: 'orders-app', region: 'eu-west-1', version: 2, metricsNamespace: 'Orders' },
        consumerName: 'orders-efo',
      }),
    ) as { ok: true; value: GrantSpec };
    expect(kcl.ok).toBe(true);
    expect(parseGrantYaml(grantToYaml(kcl.value))).toEqual({ ok: true, value: kcl.value });
    const spec = full();
    expect(parseGrantYaml(grantToYaml(spec))).toEqual({ ok: true, value: spec });
  });

  it('writes a fixed field order and sorted tags, whatever the input order', () => {
    const spec = full();
    const shuffled = JSON.parse(
      JSON.stringify({
        spec: { ...spec.spec, role: { tags: { alpha: '2', zeta: '1' }, ...spec.spec.role } },
        metadata: spec.metadata,
        kind: spec.kind,
        apiVersion: spec.apiVersion,
      }),
    );
    const text = grantToYaml(spec);
    expect(grantToYaml(shuffled)).toBe(text);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'apiVersion: kinesis-access/v1',
      'kind: KinesisAccessGrant',
      'metadata:',
      '  name: orders',
      '  description: "Orders: analytics #1"',
      'spec:',
      '  profile: read-write',
      '  principal:',
    ]);
    expect(text.indexOf('alpha')).toBeLessThan(text.indexOf('zeta'));
  });
});
