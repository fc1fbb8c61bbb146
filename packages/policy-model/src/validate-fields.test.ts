import { CLICKHOUSE_ROLE, grant } from '@kinesis-access/fixtures';
import { problemAt } from './test-support/validate';
import { validateGrant } from './validate';

describe('validateGrant: field rules', () => {
  it.each([
    ['Orders', /lowercase letters, digits and "-"/],
    ['orders-', /starting and ending with a letter or digit/],
    ['-orders', /lowercase/],
    ['ord ers', /lowercase/],
    ['o'.repeat(64), /at most 63 characters/],
    ['', /lowercase/],
  ])('refuses metadata.name %p', (name, expected) => {
    expect(problemAt(grant({}, name), 'metadata.name')).toMatch(expected);
  });

  it('refuses descriptions IAM would refuse', () => {
    const input = grant();
    input.metadata.description = 'emoji 🚀';
    expect(problemAt(input, 'metadata.description')).toMatch(/printable Latin-1/);
    input.metadata.description = 'x'.repeat(1001);
    expect(problemAt(input, 'metadata.description')).toMatch(/at most 1000/);
  });

  it.each([
    [
      { name: 'ClickHouseAccessRole-' + 'x'.repeat(44) },
      'spec.role.name',
      /^grant "orders": the role name is 65 characters; the IAM quota is 64, received "ClickHouseAccessRole-x+"$/,
    ],
    [{ name: 'ClickHouseAccessRole-a"b' }, 'spec.role.name', /letters, digits and \+=,\.@_-/],
    [{ name: 'Reader' }, 'spec.role.name', /must start with|starting with "ClickHouseAccessRole-"/],
    [{ name: 'ClickHouseAccessRole-' }, 'spec.role.name', /more than the prefix/],
    [{ path: 'data' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [{ path: '/data' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [{ path: '//' }, 'spec.role.path', /"\/" or "\/a\/b\/"/],
    [
      { maxSessionDuration: 3599 },
      'spec.role.maxSessionDuration',
      /at least 3600 seconds, received number 3599/,
    ],
    [{ maxSessionDuration: 43201 }, 'spec.role.maxSessionDuration', /at most 43200 seconds/],
    [{ maxSessionDuration: 3600.5 }, 'spec.role.maxSessionDuration', /whole number/],
    [
      { permissionsBoundaryArn: 'arn:aws:iam::123456789012:role/x' },
      'spec.role.permissionsBoundaryArn',
      /policy ARN/,
    ],
    [
      { permissionsBoundaryArn: 'arn:aws:iam::999999999999:policy/x' },
      'spec.role.permissionsBoundaryArn',
      /account 123456789012/,
    ],
    [
      { permissionsBoundaryArn: 'arn:aws-cn:iam::123456789012:policy/x' },
      'spec.role.permissionsBoundaryArn',
      /partition "aws"/,
    ],
  ])('refuses role %j', (role, path, expected) => {
    expect(problemAt(grant({ role: role as never }), path)).toMatch(expected);
  });

  it('accepts other profiles with any valid role name', () => {
    expect(validateGrant(grant({ profile: 'read', role: { name: 'Reader' } })).ok).toBe(true);
  });

  it('refuses a default role name over 64 characters, at metadata.name', () => {
    const name = 'n'.repeat(44); // ClickHouseAccessRole- (21) + 44 = 65
    expect(problemAt(grant({}, name), 'metadata.name')).toMatch(
      /^grant "n+": the default role name "ClickHouseAccessRole-n+" is 65 characters; the IAM quota is 64 \(shorten/,
    );
    expect(validateGrant(grant({}, 'n'.repeat(43))).ok).toBe(true);
    expect(validateGrant(grant({ role: { name: 'ClickHouseAccessRole-short' } }, name)).ok).toBe(true);
  });

  it('checks tags: reserved prefix, characters, count, case-insensitive duplicates', () => {
    expect(problemAt(grant({ role: { tags: { 'aws:team': 'x' } } }), 'spec.role.tags["aws:team"]')).toMatch(
      /reserved/,
    );
    expect(problemAt(grant({ role: { tags: { team: 'a;b' } } }), 'spec.role.tags.team')).toMatch(/tag value/);
    expect(problemAt(grant({ role: { tags: { 'k{': 'a' } } }), 'spec.role.tags["k{"]')).toMatch(/tag key/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(problemAt(grant({ role: { tags: many } }), 'spec.role.tags')).toBe(
      'grant "orders": 51 tags; the IAM quota is 50 tags per role',
    );
    expect(problemAt(grant({ role: { tags: { Team: 'a', team: 'b' } } }), 'spec.role.tags.team')).toMatch(
      /case/,
    );
  });

  it('checks the principal block', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ roleArn: 'arn:aws:iam::111122223333:role/*' }, 'spec.principal.roleArn', /wildcards/],
      [{ roleArn: 'arn:aws:iam::111122223333:user/bob' }, 'spec.principal.roleArn', /IAM role ARN/],
      [
        { roleArn: 'arn:aws-cn:iam::111122223333:role/ch' },
        'spec.principal.roleArn',
        /streams' partition "aws"/,
      ],
      [
        { roleArn: CLICKHOUSE_ROLE, additionalRoleArns: [CLICKHOUSE_ROLE] },
        'spec.principal.additionalRoleArns[0]',
        /duplicate principal: same as spec.principal.roleArn/,
      ],
      [{ roleArn: CLICKHOUSE_ROLE, externalId: 'a' }, 'spec.principal.externalId', /at least 2/],
      [{ roleArn: CLICKHOUSE_ROLE, externalId: 'a b' }, 'spec.principal.externalId', /may only contain/],
      [
        { roleArn: CLICKHOUSE_ROLE, extraTrustActions: ['sts:AssumeRoleWithSAML'] },
        'spec.principal.extraTrustActions[0]',
        /must be one of "sts:SetSourceIdentity", "sts:TagSession", received "sts:AssumeRoleWithSAML"/,
      ],
      [
        { roleArn: CLICKHOUSE_ROLE, extraTrustActions: ['sts:TagSession', 'sts:TagSession'] },
        'spec.principal.extraTrustActions[1]',
        /duplicate/,
      ],
    ];
    for (const [principal, path, expected] of cases) {
      expect(problemAt(grant({ principal: principal as never }), path)).toMatch(expected);
    }
  });
});
