import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GENERATED_DIR, stackFile } from '@kinesis-access/grant-files';
import type { GrantPlan } from '@kinesis-access/policy-model';
import { Construct } from 'constructs';
import { createGrantsApp } from './app';
import { checkFreshness } from './freshness';
import { renderStacks } from './render';
import { addGrantStacks, LayoutError } from './stack';
import { stableJson, stackToTerraform } from './terraform-json';
import { allTestGrants, compileYaml, EXAMPLE_GRANTS_DIR } from './test-support/grants';
import { requireTerraform } from './test-support/offline-terraform';
import { synthGrants } from './write';

const grants = allTestGrants();
const plans = grants.map((g) => g.plan);
const names = plans.map((p) => p.grantName).sort();

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-synth-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), r);
      else out[r] = fs.readFileSync(path.join(d, entry.name), 'utf8');
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: generated Terraform JSON, inspected field by field
function json(content: string | undefined): Record<string, any> {
  return JSON.parse(content ?? 'null');
}

describe('synthGrants', () => {
  it('writes one stack per grant by default: stacks/<grant>/cdk.tf.json', async () => {
    const result = await synthGrants({ plans, outDir: tmp });
    expect(result.files).toEqual(names.map((n) => `stacks/${n}/cdk.tf.json`));
    expect(Object.keys(readTree(tmp)).sort()).toEqual(result.files);
  });

  it('writes one stack per account with layout "account"', async () => {
    const other = compileYaml(
      fs
        .readFileSync(path.join(EXAMPLE_GRANTS_DIR, 'clickpipes-orders.yaml'), 'utf8')
        .replaceAll('123456789012', '210987654321')
        .replace('name: orders-clickpipes', 'name: orders-other-account'),
    ).plan;
    const result = await synthGrants({ plans: [...plans, other], outDir: tmp, layout: 'account' });
    expect(result.files).toEqual([
      'stacks/account-123456789012/cdk.tf.json',
      'stacks/account-210987654321/cdk.tf.json',
    ]);
    const stack = json(readTree(tmp)['stacks/account-123456789012/cdk.tf.json']);
    expect(
      Object.keys(stack.output)
        .filter((o) => !o.includes('_'))
        .sort(),
    ).toEqual(names);
    expect(stack.provider.aws[0]).toEqual({ allowed_account_ids: ['123456789012'], region: 'eu-central-1' });
  });

  it('is deterministic: byte-identical in another directory, no absolute paths', async () => {
    const a = path.join(tmp, 'a', GENERATED_DIR);
    const b = path.join(tmp, 'elsewhere', 'deeper', 'out');
    await synthGrants({ plans, outDir: a });
    await synthGrants({ plans: [...plans].reverse(), outDir: b });
    const treeA = readTree(a);
    expect(readTree(b)).toEqual(treeA);
    const all = Object.values(treeA).join('\n');
    for (const forbidden of [tmp, os.tmpdir(), process.cwd(), os.homedir()])
      expect(all).not.toContain(forbidden);
    expect(all).not.toMatch(/"\/(?:home|tmp|work|Users|root)\//);
  });

  it('renders one grant exactly as a full synth does (what the Backstage action writes)', async () => {
    await synthGrants({ plans, outDir: tmp });
    for (const plan of plans) {
      const [alone] = renderStacks([plan]);
      expect(alone?.content).toBe(readTree(tmp)[stackFile(plan.grantName)]);
    }
  });

  it('removes only the stack of a removed grant; every other file stays byte-identical', async () => {
    await synthGrants({ plans, outDir: tmp, prune: true });
    const before = readTree(tmp);
    const removed = plans[3] as GrantPlan;
    const result = await synthGrants({ plans: plans.filter((p) => p !== removed), outDir: tmp, prune: true });
    expect(result.removed).toEqual([stackFile(removed.grantName)]);
    const after = readTree(tmp);
    const { [stackFile(removed.grantName)]: gone, ...rest } = before;
    expect(gone).toBeDefined();
    expect(after).toEqual(rest);
    expect(fs.existsSync(path.join(tmp, 'stacks', removed.grantName))).toBe(false);
  });

  it('keeps other stacks without prune (synthesizing a subset)', async () => {
    await synthGrants({ plans, outDir: tmp });
    await synthGrants({ plans: plans.slice(0, 1), outDir: tmp });
    expect(Object.keys(readTree(tmp))).toHaveLength(plans.length);
  });

  it('is safe for concurrent calls in one process', async () => {
    const jobs = Array.from({ length: 8 }, (_v, i) => ({
      plans: plans.filter((_p, j) => (i + j) % 3 !== 0),
      outDir: path.join(tmp, `job-${i}`),
      layout: i % 2 === 0 ? ('grant' as const) : ('account' as const),
      backend:
        i % 4 === 3
          ? { type: 's3' as const, bucket: `bucket-${i}`, region: 'eu-west-1' }
          : { type: 'local' as const, path: `state-${i}/{stack}.tfstate` },
    }));
    await Promise.all(jobs.map((job) => synthGrants(job)));
    for (const job of jobs) {
      const expected = Object.fromEntries(renderStacks(job.plans, job).map((s) => [s.file, s.content]));
      expect(readTree(job.outDir)).toEqual(expected);
    }
  });

  it('writes nothing when the plans cannot be laid out, and names every problem', async () => {
    const out = path.join(tmp, 'out');
    const twice = [...plans, plans[0] as GrantPlan];
    await expect(synthGrants({ plans: twice, outDir: out })).rejects.toThrow(LayoutError);
    await expect(synthGrants({ plans: twice, outDir: out })).rejects.toThrow(
      `grant name "${plans[0]?.grantName}" is used twice (grant names must be unique)`,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it('renders the local backend with a relative path and the S3 backend with locking', () => {
    const plan = plans[0] as GrantPlan;
    const local = json(renderStacks([plan])[0]?.content);
    expect(local.terraform.backend).toEqual({ local: { path: `../../../state/${plan.grantName}.tfstate` } });

    const s3 = json(
      renderStacks([plan], {
        backend: { type: 's3', bucket: 'tf-state', region: 'eu-west-1', keyPrefix: 'teams/data/' },
      })[0]?.content,
    );
    expect(s3.terraform.backend).toEqual({
      s3: {
        bucket: 'tf-state',
        key: `teams/data/${plan.grantName}.tfstate`,
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
    const dynamo = json(
      renderStacks([plan], {
        backend: {
          type: 's3',
          bucket: 'b',
          region: 'eu-west-1',
          lock: 'dynamodb',
          dynamodbTable: 'tf-locks',
        },
      })[0]?.content,
    );
    expect(dynamo.terraform.backend.s3).toEqual(
      expect.objectContaining({
        dynamodb_table: 'tf-locks',
        key: `kinesis-access/${plan.grantName}.tfstate`,
      }),
    );
    expect(dynamo.terraform.backend.s3.use_lockfile).toBeUndefined();
  });

  it('pins providers to the grant account and assumes the deploy role when configured', () => {
    const plan = grants.find((g) => g.plan.resourcePolicies.length > 1)?.plan as GrantPlan;
    const stack = json(
      renderStacks([plan], {
        deployRoleArn: 'arn:{partition}:iam::{accountId}:role/kinesis-access-deployer',
      })[0]?.content,
    );
    expect(stack.provider.aws).toHaveLength(3);
    for (const provider of stack.provider.aws) {
      expect(provider.allowed_account_ids).toEqual([plan.accountId]);
      expect(provider.assume_role).toEqual([
        {
          role_arn: `arn:aws:iam::${plan.accountId}:role/kinesis-access-deployer`,
          session_name: 'kinesis-access',
        },
      ]);
    }
  });

  it('switches syntax with --hcl: cdk.tf replaces cdk.tf.json, formatted, plain provider references', async () => {
    requireTerraform();
    await synthGrants({ plans, outDir: tmp });
    const result = await synthGrants({ plans, outDir: tmp, hcl: true });
    expect(result.files).toEqual(names.map((n) => `stacks/${n}/cdk.tf`));
    expect(result.removed).toEqual(names.map((n) => `stacks/${n}/cdk.tf.json`));
    expect(result.warnings).toEqual([]);
    const tree = readTree(tmp);
    expect(Object.keys(tree).sort()).toEqual(result.files);
    const shared = tree['stacks/shared-two-regions/cdk.tf'] ?? '';
    expect(shared).toMatch(/^\s*provider\s+= aws\.eu-west-1$/m);
    expect(shared).not.toMatch(/"aws\.[^"]*"/);
    expect(shared).toMatch(/role_name\s+= aws_iam_role\.shared-two-regions_role\.name/);
    execFileSync(requireTerraform(), ['fmt', '-check', '-recursive', tmp], {
      env: { ...process.env, TF_CLI_CONFIG_FILE: '' },
    });
  });
});

describe('stackToTerraform', () => {
  it('equals cdktf’s own TerraformStack.toTerraform() for every resource kind and both layouts', () => {
    for (const layout of ['grant', 'account'] as const) {
      for (const backend of [
        { type: 'local' as const },
        { type: 's3' as const, bucket: 'b', region: 'eu-west-1', roleArn: 'arn:aws:iam::1:role/r' },
      ]) {
        const build = () => {
          const root = new Construct(undefined as unknown as Construct, '');
          root.node.setContext('cdktfVersion', '0.21.0');
          return addGrantStacks(root, plans, {
            layout,
            backend,
            deployRoleArn: 'arn:aws:iam::{accountId}:role/d',
          });
        };
        const ours = build().map((s) => stableJson(stackToTerraform(s)));
        const theirs = build().map((s) => {
          s.prepareStack();
          return stableJson(s.toTerraform());
        });
        expect(ours).toEqual(theirs);
      }
    }
  });
});

describe('the cdktf app', () => {
  it('writes the same stack files as synthGrants (cdktf.out/stacks/<grant>/cdk.tf.json)', async () => {
    const outdir = path.join(tmp, 'cdktf.out');
    createGrantsApp({ grantsDir: EXAMPLE_GRANTS_DIR, outdir, env: {} }).app.synth();
    const generated = path.join(tmp, GENERATED_DIR);
    await synthGrants({
      plans: grants
        .filter((g) => !g.file.includes('-user') && !g.file.includes('two-regions'))
        .map((g) => g.plan),
      outDir: generated,
    });
    const { 'manifest.json': manifest, ...stacks } = readTree(outdir);
    expect(manifest).toBeDefined();
    expect(stacks).toEqual(readTree(generated));
  });
});

describe('checkFreshness', () => {
  it('passes on a fresh synth and lists missing, out-of-date and orphaned files', async () => {
    await synthGrants({ plans, outDir: tmp });
    expect(await checkFreshness({ plans, outDir: tmp })).toEqual(
      expect.objectContaining({ ok: true, missing: [], stale: [], extra: [] }),
    );
    const [first, second, third] = names;
    fs.rmSync(path.join(tmp, 'stacks', String(first)), { recursive: true });
    fs.appendFileSync(path.join(tmp, stackFile(String(second))), ' ');
    const withoutThird = plans.filter((p) => p.grantName !== third);
    const report = await checkFreshness({ plans: withoutThird, outDir: tmp });
    expect(report).toEqual(
      expect.objectContaining({
        ok: false,
        missing: [stackFile(String(first))],
        stale: [stackFile(String(second))],
        extra: [stackFile(String(third))],
      }),
    );
    expect(
      await checkFreshness({ plans, outDir: tmp, backend: { type: 's3', bucket: 'b', region: 'eu-west-1' } }),
    ).toEqual(expect.objectContaining({ ok: false, missing: [stackFile(String(first))] }));
  });
});
