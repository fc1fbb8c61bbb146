import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type LoadedGrants, loadGrantsDirectory } from './index';

const EXAMPLE_GRANTS_DIR = path.resolve(__dirname, '../../../examples/grants');

function clickpipesYaml(name: string, roleName?: string): string {
  return [
    'apiVersion: kinesis-access/v1',
    'kind: KinesisAccessGrant',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  profile: clickpipes',
    '  principal:',
    '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
    ...(roleName === undefined ? [] : ['  role:', `    name: ${roleName}`]),
    '  streams:',
    `    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/${name}`,
    '',
  ].join('\n');
}

function withDir(files: Readonly<Record<string, string>>, run: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-grant-files-'));
  try {
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
    run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * a.yaml and b.yaml, which clash with each other, beside a valid c.yaml: only c.yaml loads. Returns the problems.
 */
function loadClash(a: string, b: string): LoadedGrants['problems'] {
  let problems: LoadedGrants['problems'] = [];
  withDir({ 'a.yaml': a, 'b.yaml': b, 'c.yaml': clickpipesYaml('payments') }, (dir) => {
    const loaded = loadGrantsDirectory(dir);
    expect(loaded.grants.map((g) => g.file)).toEqual(['c.yaml']);
    problems = loaded.problems;
  });
  return problems;
}

describe('loadGrantsDirectory', () => {
  it('plans every example grant, sorted by file', () => {
    const loaded = loadGrantsDirectory(EXAMPLE_GRANTS_DIR);
    expect(loaded.problems).toEqual([]);
    const files = fs
      .readdirSync(EXAMPLE_GRANTS_DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(loaded.grants.map((g) => g.file)).toEqual(files);
  });

  it('reports bad files and duplicate names with field paths, recursing and skipping hidden entries', () => {
    withDir(
      {
        'team-a/one.yaml': clickpipesYaml('same-name'),
        'two.yml': clickpipesYaml('same-name'),
        'bad.yaml': clickpipesYaml('bad').replace('arn:aws:kinesis', 'arn:aws:s3'),
        '.hidden/ignored.yaml': 'not: a grant',
        'notes.md': '# not a grant',
      },
      (dir) => {
        const loaded = loadGrantsDirectory(dir);
        expect(loaded.grants).toEqual([]);
        expect(loaded.problems.map((p) => p.file)).toEqual(['bad.yaml', 'team-a/one.yaml', 'two.yml']);
        expect(loaded.problems[0]?.problems[0]?.path).toBe('spec.streams[0].arn');
        expect(loaded.problems[1]?.problems).toEqual(
          expect.arrayContaining([
            {
              path: 'metadata.name',
              message: 'duplicate grant name "same-name": also used by two.yml (grant names must be unique)',
            },
          ]),
        );
      },
    );
  });

  it('refuses two grants that would create the same IAM role in one account, as `check` does', () => {
    const problems = loadClash(
      clickpipesYaml('orders-a', 'ClickHouseAccessRole-orders'),
      clickpipesYaml('orders-b', 'ClickHouseAccessRole-ORDERS'),
    );
    expect(problems.map((p) => [p.file, p.problems.map((q) => q.path)])).toEqual([
      ['a.yaml', ['spec.role.name']],
      ['b.yaml', ['spec.role.name']],
    ]);
    expect(problems[0]?.problems[0]?.message).toContain('also created by b.yaml');
  });

  it('refuses a second owner of a stream resource policy, naming both files, with the line', () => {
    const shared = (name: string, partner: string) =>
      clickpipesYaml(name)
        .replace('profile: clickpipes', 'profile: read')
        .replace(/stream\/[\w-]+\n/, 'stream/orders\n')
        .concat(['  resourcePolicy:', '    principals:', `      - ${partner}`, ''].join('\n'));
    const problems = loadClash(
      shared('partner-a', 'arn:aws:iam::444455556666:root'),
      shared('partner-b', 'arn:aws:iam::777788889999:root'),
    );
    expect(problems.map((p) => [p.file, p.problems.map((q) => [q.path, q.line])])).toEqual([
      ['a.yaml', [['spec.resourcePolicy', 11]]],
      ['b.yaml', [['spec.resourcePolicy', 11]]],
    ]);
    expect(problems[0]?.problems[0]?.message).toMatch(
      /^the resource policy of stream arn:aws:kinesis:us-east-1:123456789012:stream\/orders is also set by b\.yaml \(grant "partner-b"\), and a\.yaml sets it too/,
    );
  });

  it('carries the line of quota problems (found when planning)', () => {
    const many = Array.from(
      { length: 41 },
      (_, i) => `arn:aws:iam::111122223333:role/clickhouse-service-role-${i}`,
    );
    const yaml = clickpipesYaml('orders').replace(
      '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role\n',
      `    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role\n    additionalRoleArns:\n${many.map((a) => `      - ${a}\n`).join('')}`,
    );
    withDir({ 'big.yaml': yaml }, (dir) => {
      const [entry] = loadGrantsDirectory(dir).problems;
      expect(entry?.problems).toEqual([
        expect.objectContaining({
          path: 'spec.principal',
          line: 7,
          message: expect.stringMatching(
            /trust policy is [\d,]+ non-whitespace characters; the IAM quota is 2,048/,
          ),
        }),
      ]);
    });
  });

  it('says so when a directory has no grant files', () => {
    withDir({ 'README.md': '# nothing here' }, (dir) => {
      expect(loadGrantsDirectory(dir).problems).toEqual([
        { file: '.', problems: [{ path: '', message: 'no grant files (*.yaml, *.yml) in this directory' }] },
      ]);
    });
  });
});
