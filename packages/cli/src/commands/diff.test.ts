/** `kinesis-access diff` through the real built bin: the DESIGN.md JSON contract, markdown, exit codes, bad input. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR, problemLinePattern, runCli, tempTree } from '../test-support/cli';
import { grantYaml } from '../test-support/grant-yaml';

const ACCOUNT = '123456789012';
const stream = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const NEW_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f0f0f0f-1111-2222-3333-444455556666`;
const CLICKHOUSE = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
const STANDBY = 'arn:aws:iam::444455556666:role/ClickHouse-Standby';

interface Entry {
  action: string;
  resource: string;
  conditions?: Record<string, Record<string, string[]>>;
}
interface GrantDiffJson {
  name: string;
  change: string;
  allow: { added: Entry[]; removed: Entry[] };
  principals: { added: string[]; removed: string[] };
  trust: {
    actions: { added: string[]; removed: string[] };
    externalId?: { before: string | null; after: string | null };
  };
  role: { before: string | null; after: string | null };
}

function diffJson(before: string, after: string, cwd: string): { grants: GrantDiffJson[] } {
  const run = runCli(['diff', before, after, '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

/** A grant file with the given streams (YAML lines) and optional principal lines. */
function grantFile(
  name: string,
  streams: string[],
  principal: string[] = [],
  profile = 'clickpipes',
): string {
  return grantYaml({ name, profile, streamLines: streams, principalExtra: principal });
}

describe('kinesis-access diff --format json', () => {
  it('two grant files: the added stream and the changed key, by action and resource, sorted', () => {
    const dir = tempTree({
      'before.yaml': grantFile('orders', [`    - arn: ${stream('orders')}`, `      kmsKeyArn: ${KEY}`]),
      'after.yaml': grantFile('orders', [
        `    - arn: ${stream('orders')}`,
        `      kmsKeyArn: ${NEW_KEY}`,
        `    - arn: ${stream('payments')}`,
      ]),
    });
    const { grants } = diffJson('before.yaml', 'after.yaml', dir);
    expect(grants.map((g) => [g.name, g.change])).toEqual([['orders', 'changed']]);
    const [orders] = grants as [GrantDiffJson];
    const pairs = (entries: Entry[]) => entries.map((e) => `${e.action} ${e.resource}`);
    // Written out from the ClickPipes doc (reference 001) and AWS's resource types: the stream's own actions on the
    // stream ARN, the enhanced fan-out ones on its consumers, the key with kms:Decrypt only.
    expect(pairs(orders.allow.added)).toEqual([
      `kinesis:DeregisterStreamConsumer ${stream('payments')}/consumer/*`,
      `kinesis:DescribeStream ${stream('payments')}`,
      `kinesis:DescribeStreamConsumer ${stream('payments')}/consumer/*`,
      `kinesis:GetRecords ${stream('payments')}`,
      `kinesis:GetShardIterator ${stream('payments')}`,
      `kinesis:ListShards ${stream('payments')}`,
      `kinesis:ListStreamConsumers ${stream('payments')}`,
      `kinesis:RegisterStreamConsumer ${stream('payments')}`,
      `kinesis:SubscribeToShard ${stream('payments')}/consumer/*`,
      `kms:Decrypt ${NEW_KEY}`,
    ]);
    expect(pairs(orders.allow.removed)).toEqual([`kms:Decrypt ${KEY}`]);
    expect(orders.allow.added.at(-1)?.conditions?.StringEquals).toEqual({
      'kms:EncryptionContext:aws:kinesis:arn': [stream('orders')],
      'kms:ViaService': ['kinesis.us-east-1.amazonaws.com'],
    });
    expect(orders.principals).toEqual({ added: [], removed: [] });
  });

  it('principals, external ID and trust actions', () => {
    // A generic profile: ClickPipes sends no external ID, so the model refuses one on `clickpipes`.
    const streams = [`    - arn: ${stream('orders')}`];
    const dir = tempTree({
      'before.yaml': grantFile('orders', streams, [], 'read'),
      'after.yaml': grantFile(
        'orders',
        streams,
        [
          `    additionalRoleArns: [${STANDBY}]`,
          '    externalId: ext-42',
          '    extraTrustActions: [sts:TagSession]',
        ],
        'read',
      ),
    });
    const [orders] = diffJson('before.yaml', 'after.yaml', dir).grants as [GrantDiffJson];
    expect(orders.change).toBe('changed');
    expect(orders.allow).toEqual({ added: [], removed: [] });
    expect(orders.principals).toEqual({ added: [STANDBY], removed: [] });
    expect(orders.trust.actions).toEqual({ added: ['sts:TagSession'], removed: [] });
    expect(orders.trust.externalId).toEqual({ before: null, after: 'ext-42' });
  });

  it('two directories: grants added, removed, changed and unchanged, matched by name', () => {
    const dir = tempTree({
      'base/grants/orders.yaml': grantYaml({ name: 'orders' }),
      'base/grants/team/old.yaml': grantYaml({ name: 'old', stream: 'old-stream' }),
      'base/grants/same.yaml': grantYaml({ name: 'same', stream: 'same-stream' }),
      'head/grants/orders.yaml': grantYaml({ name: 'orders', profile: 'clickpipes', stream: 'orders-v2' }),
      'head/grants/same.yaml': grantYaml({ name: 'same', stream: 'same-stream' }),
      'head/grants/new.yml': grantYaml({ name: 'new', stream: 'new-stream' }),
    });
    const { grants } = diffJson('base/grants', 'head/grants', dir);
    expect(grants.map((g) => [g.name, g.change])).toEqual([
      ['new', 'added'],
      ['old', 'removed'],
      ['orders', 'changed'],
      ['same', 'unchanged'],
    ]);
    const byName = Object.fromEntries(grants.map((g) => [g.name, g]));
    expect(byName.new?.principals).toEqual({ added: [CLICKHOUSE], removed: [] });
    expect(byName.new?.allow.removed).toEqual([]);
    expect(byName.new?.allow.added.map((e) => e.resource)).toContain(stream('new-stream'));
    expect(byName.old?.principals).toEqual({ added: [], removed: [CLICKHOUSE] });
    expect(byName.old?.allow.added).toEqual([]);
    expect(byName.old?.role).toEqual({
      before: `arn:aws:iam::${ACCOUNT}:role/ClickHouseAccessRole-old`,
      after: null,
    });
    expect(new Set(byName.orders?.allow.removed.map((e) => e.resource))).toEqual(
      new Set([stream('orders'), `${stream('orders')}/consumer/*`]),
    );
    expect(byName.same?.allow).toEqual({ added: [], removed: [] });
  });

  it('a directory against itself: every grant unchanged, exit 0', () => {
    const { grants } = diffJson(EXAMPLES_DIR, EXAMPLES_DIR, process.cwd());
    expect(grants.length).toBe(fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml')).length);
    for (const grant of grants) {
      expect(grant.change).toBe('unchanged');
      expect(grant.allow).toEqual({ added: [], removed: [] });
      expect(grant.principals).toEqual({ added: [], removed: [] });
    }
  });

  it('an empty directory is a side without grants (the first grant, or the last one revoked)', () => {
    const dir = tempTree({ 'after/orders.yaml': grantYaml({ name: 'orders' }) });
    fs.mkdirSync(path.join(dir, 'before'));
    expect(diffJson('before', 'after', dir).grants.map((g) => g.change)).toEqual(['added']);
    expect(diffJson('after', 'before', dir).grants.map((g) => g.change)).toEqual(['removed']);
  });

  it('compares two git worktrees of one repository, as the pull-request workflow does', () => {
    const dir = tempTree({ 'repo/grants/orders.yaml': grantYaml({ name: 'orders' }) });
    const repo = path.join(dir, 'repo');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    fs.writeFileSync(
      path.join(repo, 'grants', 'orders.yaml'),
      grantYaml({ name: 'orders', stream: 'orders-v2' }),
    );
    git('commit', '-q', '-am', 'change');
    git('worktree', 'add', '-q', path.join(dir, 'base'), 'HEAD~1');
    const [orders] = diffJson(path.join(dir, 'base', 'grants'), 'grants', repo).grants as [GrantDiffJson];
    expect(orders.change).toBe('changed');
    expect(orders.allow.added.map((e) => e.resource)).toContain(stream('orders-v2'));
    expect(orders.allow.removed.map((e) => e.resource)).toContain(stream('orders'));
  });
});

describe('kinesis-access diff --format markdown', () => {
  it('prints the pull-request comment', () => {
    const dir = tempTree({
      'before/orders.yaml': grantFile('orders', [`    - arn: ${stream('orders')}`], [], 'read'),
      'after/orders.yaml': grantFile(
        'orders',
        [`    - arn: ${stream('orders')}`, `    - arn: ${stream('payments')}`],
        ['    externalId: ext-42'],
        'read',
      ),
    });
    const run = runCli(['diff', 'before', 'after', '--format', 'markdown'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^## Kinesis access changes\n\n1 grant: 1 changed\.\n/);
    expect(run.stdout).toContain('### `orders`: changed');
    // The added stream's line lists what reading it takes (read profile: DescribeStream … GetRecords …).
    expect(run.stdout).toMatch(
      new RegExp(`\\n- \`${stream('payments')}\`: \`kinesis:DescribeStream\`, .*\`kinesis:GetRecords\`, `),
    );
    expect(run.stdout).toContain('- external ID: none → `ext-42`');
  });

  it('says when nothing changed', () => {
    const run = runCli(['diff', EXAMPLES_DIR, EXAMPLES_DIR, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^## Kinesis access changes\n\nNo access changes \(\d+ grants compared, all unchanged\)\.\n$/,
    );
  });
});

describe('kinesis-access diff on bad input', () => {
  it('exits 1 with every problem of both sides on stderr, nothing on stdout, nothing written', () => {
    const dir = tempTree({
      'before/a.yaml': grantYaml({ name: 'a', stream: 'bad stream' }),
      'after/b.yaml': grantYaml({ name: 'b', account: '12345' }),
    });
    const run = runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir, writesNothing: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('kinesis-access diff: 2 problems; nothing compared');
    expect(lines[0]).toMatch(problemLinePattern(path.join('before', 'a.yaml')));
    expect(lines[0]).toContain('spec.streams[0].arn');
    expect(lines[1]).toMatch(problemLinePattern(path.join('after', 'b.yaml')));
  });

  it('exits 1 for a missing side and for duplicate grant names', () => {
    const dir = tempTree({
      'ok.yaml': grantYaml({ name: 'ok' }),
      'dup/one.yaml': grantYaml({ name: 'twin' }),
      'dup/two.yaml': grantYaml({ name: 'twin', stream: 'other' }),
    });
    const missing = runCli(['diff', 'nope', 'ok.yaml'], { cwd: dir });
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^nope: \(document\): cannot read: no such file or directory$/m);
    const dup = runCli(['diff', 'ok.yaml', 'dup'], { cwd: dir });
    expect(dup).toMatchObject({ code: 1, stdout: '' });
    expect(dup.stderr).toMatch(/dup\/one\.yaml: metadata\.name: duplicate grant name "twin"/);
  });

  it('exits 2 for an unknown format or a missing argument', () => {
    expect(runCli(['diff', EXAMPLES_DIR, EXAMPLES_DIR, '--format', 'yaml'])).toMatchObject({
      code: 2,
      stdout: '',
    });
    expect(runCli(['diff', EXAMPLES_DIR])).toMatchObject({ code: 2, stdout: '' });
  });
});
