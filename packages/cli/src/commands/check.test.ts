import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROFILE_NAMES, parseGrantYaml } from '@kinesis-access/policy-model';
import { EXAMPLES_DIR, problemLinePattern, runCli, tempTree } from '../test-support/cli';
import { grantYaml, warnedGrantYaml } from '../test-support/grant-yaml';

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** Three problems in one file: a bad stream ARN, a misspelled key, and a wrong kind. */
const THREE_PROBLEMS = [
  'apiVersion: kinesis-access/v1',
  'kind: KinesisAccessGrants',
  'metadata:',
  '  name: broken-one',
  'spec:',
  '  profile: clickpipes',
  '  principal:',
  '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  '  streems: []',
  '  streams:',
  '    - arn: arn:aws:s3:::not-a-stream',
  '',
].join('\n');

describe('kinesis-access check', () => {
  it('accepts a valid grant: exit 0, nothing on stdout, a summary on stderr', () => {
    const dir = tempTree({ 'orders.yaml': grantYaml({ name: 'orders-clickpipes' }) });
    const run = runCli(['check', 'orders.yaml'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/1 grant file valid/);
  });

  it('accepts every shipped example, and there is one per profile', () => {
    const run = runCli(['check', EXAMPLES_DIR]);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
    const files = fs.readdirSync(EXAMPLES_DIR).filter((f) => /\.ya?ml$/.test(f));
    expect(run.stderr).toMatch(new RegExp(`${files.length} grant files valid`));
    const profiles = new Set<string>();
    for (const file of files) {
      const parsed = parseGrantYaml(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
      if (parsed.ok) profiles.add(parsed.value.spec.profile);
    }
    // Every profile the model offers has its example.
    expect([...profiles].sort()).toEqual([...PROFILE_NAMES].sort());
  });

  it('lists every problem of every file, one line each, as <file>: <field path>: <message>', () => {
    const dir = tempTree({
      'grants/a-broken.yaml': THREE_PROBLEMS,
      'grants/b-valid.yaml': grantYaml({ name: 'valid-one' }),
      'grants/c-broken.yml': grantYaml({ name: 'Not_A_Valid_Name', account: '12345' }),
    });
    const run = runCli(['check', 'grants'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    const aLines = out.filter((l) => l.startsWith('grants/a-broken.yaml: '));
    const cLines = out.filter((l) => l.startsWith('grants/c-broken.yml: '));
    expect(out).toEqual([...aLines, ...cLines]); // file order
    for (const l of aLines) expect(l).toMatch(problemLinePattern('grants/a-broken.yaml'));
    for (const l of cLines) expect(l).toMatch(problemLinePattern('grants/c-broken.yml'));
    // All problems the model finds, not just the first.
    const expectedA = parseGrantYaml(THREE_PROBLEMS);
    expect(expectedA.ok).toBe(false);
    expect(aLines).toHaveLength(expectedA.ok ? 0 : expectedA.problems.length);
    expect(aLines.length).toBeGreaterThanOrEqual(3);
    expect(aLines.some((l) => l.includes(': kind: '))).toBe(true);
    expect(aLines.some((l) => l.includes('streems'))).toBe(true);
    expect(aLines.some((l) => l.includes(': spec.streams[0].arn: '))).toBe(true);
    expect(cLines.some((l) => l.includes(': metadata.name: '))).toBe(true);
    expect(cLines.some((l) => l.includes(': spec.streams[0].arn: '))).toBe(true);
    expect(out.some((l) => l.includes('b-valid'))).toBe(false);
    expect(run.stderr).toMatch(new RegExp(`${out.length} problems \\(3 grant files read\\)`));
  });

  it('writes nothing: the checked tree and the working directory are unchanged', () => {
    const dir = tempTree({
      'grants/ok.yaml': grantYaml({ name: 'ok-grant' }),
      'grants/bad.yaml': THREE_PROBLEMS,
      'grants/nested/dup.yaml': grantYaml({ name: 'ok-grant', stream: 'other' }),
    });
    const run = runCli(['check', 'grants', 'grants/ok.yaml'], { cwd: dir, writesNothing: true });
    expect(run.code).toBe(1);
  });

  it('names the line of a YAML syntax error', () => {
    const text = [
      'apiVersion: kinesis-access/v1',
      'kind: KinesisAccessGrant',
      'metadata:',
      '  name: "unterminated',
      '',
    ].join('\n');
    const dir = tempTree({ 'syntax.yaml': text });
    const run = runCli(['check', 'syntax.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out.length).toBeGreaterThanOrEqual(1);
    for (const l of out) expect(l).toMatch(/^syntax\.yaml: /);
    expect(out.some((l) => /line [45]\b/.test(l))).toBe(true);
  });

  it('gives a clear error for an empty file', () => {
    const dir = tempTree({ 'empty.yaml': '', 'blank.yaml': '\n  \n# only a comment\n' });
    const run = runCli(['check', 'empty.yaml', 'blank.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out.filter((l) => l.startsWith('empty.yaml: '))).toHaveLength(1);
    expect(out.filter((l) => l.startsWith('blank.yaml: '))).toHaveLength(1);
    for (const l of out) expect(l).toMatch(/empty/i);
  });

  it('refuses duplicate metadata.name across files and names both files, keeping file order', () => {
    const dir = tempTree({
      'grants/team-a/orders.yaml': grantYaml({ name: 'orders-clickpipes', stream: 'orders' }),
      'grants/team-b/orders-copy.yaml': grantYaml({ name: 'orders-clickpipes', stream: 'orders-copy' }),
      'grants/team-c/broken.yaml': THREE_PROBLEMS,
    });
    const run = runCli(['check', 'grants'], { cwd: dir });
    expect(run.code).toBe(1);
    const files = lines(run.stdout).map((l) => l.slice(0, l.indexOf(': ')));
    const firstIndex = (f: string): number => files.indexOf(f);
    const lastIndex = (f: string): number => files.lastIndexOf(f);
    expect(lastIndex('grants/team-a/orders.yaml')).toBeLessThan(firstIndex('grants/team-b/orders-copy.yaml'));
    expect(lastIndex('grants/team-b/orders-copy.yaml')).toBeLessThan(firstIndex('grants/team-c/broken.yaml'));
    const out = lines(run.stdout).filter((l) => l.includes(': metadata.name: '));
    expect(out).toHaveLength(2);
    expect(out.find((l) => l.startsWith('grants/team-a/orders.yaml: '))).toContain(
      'grants/team-b/orders-copy.yaml',
    );
    expect(out.find((l) => l.startsWith('grants/team-b/orders-copy.yaml: '))).toContain(
      'grants/team-a/orders.yaml',
    );
  });

  it('refuses a second owner of a stream resource policy, naming both files, with the line', () => {
    const share = (partner: string) =>
      `  resourcePolicy:\n    principals:\n      - arn:aws:iam::${partner}:root`;
    const dir = tempTree({
      'grants/partner-a.yaml': grantYaml({
        name: 'partner-a',
        profile: 'read',
        specExtra: share('444455556666'),
      }),
      'grants/partner-b.yaml': grantYaml({
        name: 'partner-b',
        profile: 'read',
        specExtra: share('777788889999'),
      }),
    });
    const run = runCli(['check', 'grants'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(
        /^grants\/partner-a\.yaml: spec\.resourcePolicy: the resource policy of stream arn:aws:kinesis:us-east-1:123456789012:stream\/orders is also set by grants\/partner-b\.yaml \(grant "partner-b"\).* \(line 11\)$/,
      ),
      expect.stringMatching(
        /^grants\/partner-b\.yaml: spec\.resourcePolicy: .* also set by grants\/partner-a\.yaml .* \(line 11\)$/,
      ),
    ]);
  });

  it('prints quota problems with their line, like every other problem', () => {
    const principals = Array.from(
      { length: 41 },
      (_, i) => `      - arn:aws:iam::111122223333:role/clickhouse-service-role-${i}`,
    );
    const yaml = grantYaml({ name: 'orders' }).replace(
      '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role\n',
      `    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role\n    additionalRoleArns:\n${principals.join('\n')}\n`,
    );
    const run = runCli(['check', 'orders.yaml'], { cwd: tempTree({ 'orders.yaml': yaml }) });
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(
        /^orders\.yaml: spec\.principal: grant "orders": the trust policy is [\d,]+ non-whitespace characters; the IAM quota is 2,048 .* \(line 7\)$/,
      ),
    ]);
  });

  it('refuses two grants creating the same role in one account (IAM names ignore case), not in two accounts', () => {
    const dir = tempTree({
      'same/a.yaml': grantYaml({ name: 'grant-a', roleName: 'ClickHouseAccessRole-shared' }),
      'same/b.yaml': grantYaml({ name: 'grant-b', roleName: 'ClickHouseAccessRole-SHARED', stream: 'other' }),
      'accounts/a.yaml': grantYaml({ name: 'grant-c', roleName: 'ClickHouseAccessRole-shared' }),
      'accounts/b.yaml': grantYaml({
        name: 'grant-d',
        roleName: 'ClickHouseAccessRole-shared',
        account: '210987654321',
      }),
    });
    const same = runCli(['check', 'same'], { cwd: dir });
    expect(same.code).toBe(1);
    const out = lines(same.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^same\/a\.yaml: spec\.role\.name: .*same\/b\.yaml/);
    expect(out[1]).toMatch(/^same\/b\.yaml: spec\.role\.name: .*same\/a\.yaml/);

    const accounts = runCli(['check', 'accounts'], { cwd: dir });
    expect(accounts).toMatchObject({ code: 0, stdout: '' });
  });

  it('reads a file once when it is given directly and through its directory', () => {
    const dir = tempTree({ 'grants/orders.yaml': grantYaml({ name: 'orders-clickpipes' }) });
    const run = runCli(['check', 'grants', 'grants/orders.yaml', './grants/orders.yaml'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/1 grant file valid/);
  });

  it('walks directories recursively for *.yaml and *.yml, skipping hidden folders, node_modules and other files', () => {
    const dir = tempTree({
      'grants/a.yaml': grantYaml({ name: 'grant-a' }),
      'grants/deep/er/b.yml': grantYaml({ name: 'grant-b', stream: 'b' }),
      'grants/README.md': '# not a grant',
      'grants/notes.txt': 'kind: nothing',
      'grants/.hidden/broken.yaml': THREE_PROBLEMS,
      'grants/node_modules/pkg/broken.yaml': THREE_PROBLEMS,
    });
    const run = runCli(['check', 'grants'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/2 grant files valid/);
  });

  it('prints paths as given: relative stays relative, absolute stays absolute', () => {
    const dir = tempTree({ 'grants/bad.yaml': THREE_PROBLEMS });
    const relative = runCli(['check', './grants'], { cwd: dir });
    for (const l of lines(relative.stdout)) expect(l).toMatch(/^grants\/bad\.yaml: /);
    const absolute = runCli(['check', path.join(dir, 'grants')], { cwd: path.dirname(dir) });
    for (const l of lines(absolute.stdout))
      expect(l.startsWith(`${path.join(dir, 'grants', 'bad.yaml')}: `)).toBe(true);
    expect(lines(absolute.stdout).length).toBe(lines(relative.stdout).length);
  });

  it('reports paths that do not exist and directories without grant files, and still checks the rest', () => {
    const dir = tempTree({ 'empty-dir/README.md': 'nothing here', 'bad.yaml': THREE_PROBLEMS });
    const run = runCli(['check', 'missing.yaml', 'empty-dir', 'bad.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out[0]).toBe('missing.yaml: (document): cannot read: no such file or directory');
    expect(out[1]).toMatch(
      /^empty-dir: \(document\): no grant files \(\*\.yaml, \*\.yml\) in this directory$/,
    );
    expect(out.filter((l) => l.startsWith('bad.yaml: ')).length).toBeGreaterThanOrEqual(3);
  });

  it('is a usage error (exit 2) without a path', () => {
    const run = runCli(['check']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/missing required argument 'paths'/);
  });

  it('prints warnings (the upsolver IAM-user opt-in) on stderr and still exits 0', () => {
    const dir = tempTree({ 'upsolver.yaml': warnedGrantYaml() });
    const run = runCli(['check', 'upsolver.yaml'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/^upsolver\.yaml: warning: .*state/im);
  });
});
