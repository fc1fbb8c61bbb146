/**
 * examples/infra-repo's workflow, its steps' own shell scripts run for real.
 *
 * The access diff on pull requests: the step's own shell script runs in
 * a temporary git repository made from the example (base commit → pull-request commit, the base checked out with
 * `git worktree`), with the built `kinesis-access` bin behind `pnpm exec`; then the comment step's script posts the
 * result to a GitHub API STAND-IN (a local HTTP server implementing only the issue-comment endpoints the script
 * calls: list, create, edit), because the real GitHub API cannot be reached from a test.
 *
 * A revoked grant after merge: the check job's "stacks touched" step finds the removed stack and the deploy job's
 * destroy step runs scripts/destroy-removed-stack.sh, i.e. the real terraform (provider from the mirror) init and
 * destroy on the stack's last committed Terraform. The test has no AWS state, so terraform destroys nothing (an
 * empty state needs no AWS call); what is proven is that the right stack is found, restored from the base commit
 * with its backend, and destroyed without error.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { BIN, REPO_ROOT, runCli, tempTree } from './test-support/cli';

jest.setTimeout(180_000);

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'infra-repo');
const WORKFLOW = path.join(EXAMPLE, '.github', 'workflows', 'kinesis-access.yml');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(fs.readFileSync(WORKFLOW, 'utf8')) as {
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const job = workflow.jobs['access-diff'] as Job;
const diffStep = job.steps.find((s) => s.run?.includes('kinesis-access diff')) as Step;
const postStep = job.steps.find((s) => s.run?.includes('post-pr-comment')) as Step;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('examples/infra-repo workflow: access diff on pull requests', () => {
  it('is its own pull-request job, the only one that may write to pull requests, and never gets AWS credentials', () => {
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(job.needs).toBe('check');
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    for (const [name, other] of Object.entries(workflow.jobs)) {
      if (name !== 'access-diff') expect(other.permissions?.['pull-requests']).toBeUndefined();
    }
    expect(job.steps.some((s) => s.uses?.startsWith('aws-actions/'))).toBe(false);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal
    expect(diffStep.env?.BASE).toBe('${{ needs.check.outputs.base }}');
    expect(postStep.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });

  it('runs: the base from a git worktree, the diff of a changed, an added and a removed grant, then one comment', async () => {
    const { dir, repo, git } = exampleRepo();
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD').trim();

    // The pull request: a stream added to one grant, the other grant revoked, a new grant.
    const orders = path.join(repo, 'grants', 'clickpipes-orders.yaml');
    const ordersText = fs.readFileSync(orders, 'utf8');
    const firstStream = /- arn: (arn:aws:kinesis:[^:]+:\d{12}:stream\/)\S+/.exec(ordersText);
    expect(firstStream).not.toBeNull();
    const newStream = `${firstStream?.[1]}orders-replay`;
    fs.writeFileSync(orders, ordersText.replace(/( {2}streams:\n)/, `$1    - arn: ${newStream}\n`));
    const removed = fs.readdirSync(path.join(repo, 'grants')).find((f) => f !== 'clickpipes-orders.yaml');
    expect(removed).toBeDefined();
    const removedName = /name: (\S+)/.exec(
      fs.readFileSync(path.join(repo, 'grants', removed as string), 'utf8'),
    )?.[1];
    fs.rmSync(path.join(repo, 'grants', removed as string));
    fs.writeFileSync(
      path.join(repo, 'grants', 'audit-reader.yaml'),
      [
        'apiVersion: kinesis-access/v1',
        'kind: KinesisAccessGrant',
        'metadata:',
        '  name: audit-reader',
        'spec:',
        '  profile: read',
        '  principal:',
        '    roleArn: arn:aws:iam::123456789012:role/auditor',
        '  streams:',
        '    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/audit',
        '',
      ].join('\n'),
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'change, revoke, grant');

    // What the runner provides: RUNNER_TEMP, GITHUB_STEP_SUMMARY, and `pnpm exec` of the installed CLI.
    const runnerTemp = path.join(dir, 'runner-temp');
    fs.mkdirSync(runnerTemp);
    const shims = path.join(dir, 'shims');
    fs.mkdirSync(shims);
    fs.writeFileSync(
      path.join(shims, 'pnpm'),
      `#!/usr/bin/env bash\nif [ "$1" = exec ] && [ "$2" = kinesis-access ]; then shift 2; exec "${process.execPath}" "${BIN}" "$@"; fi\necho "pnpm shim: unexpected $*" >&2; exit 1\n`,
      { mode: 0o755 },
    );
    const summary = path.join(dir, 'summary.md');
    const env = {
      ...process.env,
      PATH: `${shims}${path.delimiter}${process.env.PATH}`,
      RUNNER_TEMP: runnerTemp,
      GITHUB_STEP_SUMMARY: summary,
      BASE: base,
      RUN_URL: 'https://github.example/acme/infra/actions/runs/42',
    };
    run('bash', ['-euo', 'pipefail', '-c', diffStep.run as string], repo, env);

    const markdown = fs.readFileSync(path.join(repo, 'access-diff.md'), 'utf8');
    const expected = runCli(
      ['diff', path.join(runnerTemp, 'base', 'grants'), 'grants', '--format', 'markdown'],
      {
        cwd: repo,
      },
    );
    expect(expected.code).toBe(0);
    expect(markdown.startsWith(expected.stdout)).toBe(true);
    expect(markdown).toContain('### `audit-reader`: added');
    expect(markdown).toContain(`### \`${removedName}\`: removed`);
    expect(markdown).toMatch(/### `[a-z0-9-]+`: changed/);
    expect(markdown).toContain(`\`${newStream}\``);
    expect(markdown).toContain('[this run](https://github.example/acme/infra/actions/runs/42)');
    expect(fs.readFileSync(summary, 'utf8')).toBe(markdown);

    // The comment step, twice (two pushes to the pull request): one comment, created then edited.
    const standIn = await startGitHubStandIn();
    try {
      const postEnv = {
        ...env,
        GITHUB_TOKEN: 'test-token',
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_API_URL: standIn.url,
        PR_NUMBER: '7',
      };
      const first = await runAsync('bash', ['-euo', 'pipefail', '-c', postStep.run as string], repo, postEnv);
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toMatch(/^posted /);
      fs.appendFileSync(path.join(repo, 'access-diff.md'), '\nsecond push\n');
      const second = await runAsync(
        'bash',
        ['-euo', 'pipefail', '-c', postStep.run as string],
        repo,
        postEnv,
      );
      expect(second).toMatchObject({ code: 0 });
      expect(second.stdout).toMatch(/^updated /);
      expect(standIn.comments).toHaveLength(1);
      const [comment] = standIn.comments;
      expect(comment?.issue).toBe(7);
      expect(comment?.body).toBe(`<!-- kinesis-access:access-diff -->\n${markdown}\nsecond push\n`);
      expect(standIn.requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'POST', 'GET', 'PATCH']);
      expect(standIn.authorizations).toEqual(new Set(['Bearer test-token']));
    } finally {
      await standIn.close();
    }
  });
});

/** A new git repository (branch main, nothing committed) holding the example's grants and scripts. */
function exampleRepo(): { dir: string; repo: string; git: (...args: string[]) => string } {
  const dir = tempTree();
  const repo = path.join(dir, 'repo');
  for (const folder of ['grants', 'scripts'])
    fs.cpSync(path.join(EXAMPLE, folder), path.join(repo, folder), { recursive: true });
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], repo);
  git('init', '-q', '-b', 'main');
  return { dir, repo, git };
}

/** A workflow step's script with its `${{ … }}` expressions filled in (an unknown expression fails the test). */
function withExpressions(script: string, values: Readonly<Record<string, string>>): string {
  return script.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_match, expression: string) => {
    const value = values[expression];
    if (value === undefined) throw new Error(`no value for \${{ ${expression} }} in the test`);
    return value;
  });
}

describe('examples/infra-repo workflow: a revoked grant is destroyed after merge', () => {
  it('the check job lists the removed stack to destroy, and the deploy job destroys it with terraform', () => {
    const checkStep = workflow.jobs.check?.steps.find((s) => s.run?.includes('changed-stacks.sh')) as Step;
    const destroyStep = workflow.jobs.deploy?.steps.find((s) =>
      s.run?.includes('destroy-removed-stack.sh'),
    ) as Step;
    expect(destroyStep.if).toBe("needs.check.outputs.destroy != ''");

    const { dir, repo, git } = exampleRepo();
    const synth = () => expect(runCli(['synth', 'grants', '--out', 'generated'], { cwd: repo }).code).toBe(0);
    synth();
    git('add', '.');
    git('commit', '-q', '-m', 'two grants');
    const base = git('rev-parse', 'HEAD').trim();
    const stacks = fs.readdirSync(path.join(repo, 'generated', 'stacks')).sort();
    expect(stacks.length).toBeGreaterThanOrEqual(2);
    const revoked = stacks[1] as string;
    const revokedFile = fs
      .readdirSync(path.join(repo, 'grants'))
      .find((f) => fs.readFileSync(path.join(repo, 'grants', f), 'utf8').includes(`name: ${revoked}\n`));
    expect(revokedFile).toBeDefined();

    // The revoke pull request, merged: the grant file and its stack deleted (what kinesis:access:revoke lists).
    fs.rmSync(path.join(repo, 'grants', revokedFile as string));
    fs.rmSync(path.join(repo, 'generated', 'stacks', revoked), { recursive: true });
    expect(runCli(['verify', 'grants', '--out', 'generated'], { cwd: repo }).code).toBe(0);
    git('add', '-A');
    git('commit', '-q', '-m', `revoke ${revoked}`);

    // check job, on the push to main.
    const outputFile = path.join(dir, 'github-output');
    fs.writeFileSync(outputFile, '');
    const checkScript = withExpressions(checkStep.run as string, {
      'github.event_name': 'push',
      'github.event.before': base,
      'github.base_ref': '',
    });
    run('bash', ['-euo', 'pipefail', '-c', checkScript], repo, { ...process.env, GITHUB_OUTPUT: outputFile });
    const outputs = Object.fromEntries(
      fs
        .readFileSync(outputFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(outputs).toEqual({ base, deploy: '', destroy: revoked });

    // deploy job's destroy step: real terraform with the AWS provider from the mirror (no AWS credentials).
    const home = path.join(dir, 'tf-home');
    fs.mkdirSync(home);
    const cliConfig = path.join(home, 'terraformrc');
    const mirror = process.env.KINESIS_ACCESS_TF_MIRROR || '/opt/tf-plugins';
    const cache = path.join(os.tmpdir(), 'kinesis-access-tf-plugin-cache');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(
      cliConfig,
      [
        ...(fs.existsSync(mirror)
          ? ['provider_installation {', `  filesystem_mirror { path = ${JSON.stringify(mirror)} }`, '}']
          : []),
        `plugin_cache_dir = ${JSON.stringify(cache)}`,
        'disable_checkpoint = true',
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
    const destroyScript = withExpressions(destroyStep.run as string, {
      'needs.check.outputs.destroy': outputs.destroy as string,
      'needs.check.outputs.base': outputs.base as string,
    });
    const destroyed = run('bash', ['-euo', 'pipefail', '-c', destroyScript], repo, env);
    expect(destroyed).toContain('Terraform has been successfully initialized!');
    expect(destroyed).toContain('Destroy complete! Resources: 0 destroyed.');
    // It destroyed the revoked stack as last committed (same backend, same state key), not anything else.
    expect(destroyed.match(/Destroy complete!/g)).toHaveLength(1);
    const committed = JSON.parse(git('show', `${base}:generated/stacks/${revoked}/cdk.tf.json`));
    expect(committed.terraform.backend).toEqual({ local: { path: `../../../state/${revoked}.tfstate` } });
  });
});

function runAsync(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** GitHub API stand-in: issue comments of one repository, in memory. */
async function startGitHubStandIn(): Promise<{
  url: string;
  comments: { id: number; issue: number; body: string }[];
  requests: string[];
  authorizations: Set<string>;
  close: () => Promise<void>;
}> {
  const comments: { id: number; issue: number; body: string }[] = [];
  const requests: string[] = [];
  const authorizations = new Set<string>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      requests.push(`${req.method} ${url.pathname}`);
      authorizations.add(String(req.headers.authorization));
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const list = /^\/repos\/acme\/infra\/issues\/(\d+)\/comments$/.exec(url.pathname);
      const edit = /^\/repos\/acme\/infra\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (list && req.method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? '1');
        const perPage = Number(url.searchParams.get('per_page') ?? '30');
        const mine = comments.filter((c) => c.issue === Number(list[1]));
        return reply(200, mine.slice((page - 1) * perPage, page * perPage));
      }
      if (list && req.method === 'POST') {
        const comment = { id: 1000 + comments.length, issue: Number(list[1]), body: JSON.parse(raw).body };
        comments.push(comment);
        return reply(201, {
          ...comment,
          html_url: `https://github.example/acme/infra/pull/${comment.issue}`,
        });
      }
      const existing = edit ? comments.find((c) => c.id === Number(edit[1])) : undefined;
      if (existing && req.method === 'PATCH') {
        existing.body = JSON.parse(raw).body;
        return reply(200, {
          ...existing,
          html_url: `https://github.example/acme/infra/pull/${existing.issue}`,
        });
      }
      return reply(404, { message: 'Not Found (stand-in)' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    requests,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
