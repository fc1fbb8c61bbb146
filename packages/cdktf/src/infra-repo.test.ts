/**
 * examples/infra-repo is what a platform team would own. Its committed generated Terraform must match its grants
 * and cdktf.json settings (what the workflow's freshness step checks), and its workflow must keep to the contract:
 * check + freshness + cdktf diff on pull requests, cdktf deploy on main, OIDC credentials only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadGrantsDirectory } from '@kinesis-access/grant-files';
import { parse } from 'yaml';
import { checkFreshness } from './freshness';
import { resolveSettings, SETTINGS_CONTEXT_KEY } from './settings';

const REPO = path.resolve(__dirname, '../../../examples/infra-repo');
const read = (file: string): string => fs.readFileSync(path.join(REPO, file), 'utf8');

describe('examples/infra-repo', () => {
  it('commits generated Terraform that matches its grants and settings', async () => {
    const cdktfJson = JSON.parse(read('cdktf.json'));
    const settings = resolveSettings({ context: cdktfJson.context?.[SETTINGS_CONTEXT_KEY], env: {} });
    expect(settings.backend.type).toBe('s3');
    const loaded = loadGrantsDirectory(path.join(REPO, 'grants'));
    expect(loaded.problems).toEqual([]);
    const report = await checkFreshness({
      plans: loaded.grants.map((g) => g.plan),
      outDir: path.join(REPO, 'generated'),
      ...settings,
    });
    expect(report).toMatchObject({ ok: true, missing: [], stale: [], extra: [] });
  });

  it('runs the shipped cdktf app with crash reports off', () => {
    const cdktfJson = JSON.parse(read('cdktf.json'));
    expect(cdktfJson.app).toBe('kinesis-access-cdktf grants');
    expect(cdktfJson.sendCrashReports).toBe('false');
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'));
    expect(fs.existsSync(path.resolve(__dirname, '..', manifest.bin['kinesis-access-cdktf']))).toBe(true);
    expect(fs.existsSync(path.resolve(__dirname, '..', 'dist', 'app.js'))).toBe(true);
  });

  it('has a workflow: check + freshness + cdktf diff on pull requests, cdktf deploy on main, OIDC, no keys', () => {
    const text = read('.github/workflows/kinesis-access.yml');
    const workflow = parse(text);
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const steps = (job: string): string[] =>
      workflow.jobs[job].steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses ?? '');
    expect(steps('check')).toEqual(
      expect.arrayContaining([
        'pnpm exec kinesis-access check grants',
        'pnpm exec kinesis-access verify grants --out generated',
      ]),
    );
    expect(workflow.jobs.plan.if).toContain("github.event_name == 'pull_request'");
    expect(steps('plan').join('\n')).toContain('pnpm exec cdktf diff "$stack"');
    expect(workflow.jobs.deploy.if).toContain("github.ref == 'refs/heads/main'");
    expect(steps('deploy').join('\n')).toMatch(/pnpm exec cdktf deploy .* --auto-approve/);
    for (const job of ['plan', 'deploy', 'drift']) {
      const aws = workflow.jobs[job].steps.find((s: { uses?: string }) =>
        s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(aws?.with?.['role-to-assume']).toMatch(
        /^\$\{\{ vars\.KINESIS_ACCESS_(PLAN|DEPLOY)_ROLE_ARN \}\}$/,
      );
    }
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|secrets\./);
  });
});
