import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES_DIR, runCli, tempTree } from '../test-support/cli';
import { grantYaml } from '../test-support/grant-yaml';

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

function repo(grants: Record<string, string>, extra: Record<string, string> = {}): string {
  return tempTree({
    ...Object.fromEntries(Object.entries(grants).map(([file, yaml]) => [`grants/${file}`, yaml])),
    ...extra,
  });
}

const ORDERS = grantYaml({ name: 'orders-clickpipes', stream: 'orders' });
const PAYMENTS = grantYaml({ name: 'payments-clickpipes', stream: 'payments' });

describe('kinesis-access synth', () => {
  it('writes one stack per grant under --out and says so on stderr', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'payments.yaml': PAYMENTS });
    const run = runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toMatch(/2 grants → 2 stacks in generated \(layout grant, local state\)/);
    expect(fs.readdirSync(path.join(dir, 'generated', 'stacks')).sort()).toEqual([
      'orders-clickpipes',
      'payments-clickpipes',
    ]);
    const stack = JSON.parse(
      fs.readFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf.json'), 'utf8'),
    );
    expect(stack.output['orders-clickpipes'].value).toBe('${aws_iam_role.orders-clickpipes_role.arn}');
    expect(stack.terraform.backend).toEqual({ local: { path: '../../../state/orders-clickpipes.tfstate' } });
  });

  it('synthesizes every shipped example', () => {
    const out = tempTree();
    const run = runCli(['synth', EXAMPLES_DIR, '--out', out]);
    expect(run.code).toBe(0);
    const grants = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml'));
    expect(fs.readdirSync(path.join(out, 'stacks'))).toHaveLength(grants.length);
  });

  it('writes nothing when a grant has problems, printing them like check', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'bad.yaml': ORDERS.replace('arn:aws:kinesis', 'arn:aws:s3') });
    const run = runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir, writesNothing: true });
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/^grants\/bad\.yaml: spec\.streams\[0\]\.arn: /),
    ]);
    expect(run.stderr).toMatch(/1 problem in the grants; nothing written/);
  });

  it('refuses two owners of one stream resource policy, naming both files, and writes nothing', () => {
    const share = (name: string, partner: string) =>
      grantYaml({
        name,
        profile: 'read',
        specExtra: `  resourcePolicy:\n    principals:\n      - arn:aws:iam::${partner}:root`,
      });
    const dir = repo({
      'a.yaml': share('partner-a', '444455556666'),
      'b.yaml': share('partner-b', '777788889999'),
    });
    for (const command of [['synth'], ['verify']]) {
      const run = runCli([...command, 'grants', '--out', 'generated'], { cwd: dir, writesNothing: true });
      expect(run.code).toBe(1);
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(
          /^grants\/a\.yaml: spec\.resourcePolicy: .*also set by grants\/b\.yaml.*\(line 11\)$/,
        ),
        expect.stringMatching(
          /^grants\/b\.yaml: spec\.resourcePolicy: .*also set by grants\/a\.yaml.*\(line 11\)$/,
        ),
      ]);
    }
  });

  it('removes the stack of a removed grant and leaves the others untouched', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'payments.yaml': PAYMENTS });
    runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    const orders = fs.readFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf.json'), 'utf8');
    fs.rmSync(path.join(dir, 'grants/payments.yaml'));
    const run = runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `removed ${path.join('generated', 'stacks/payments-clickpipes/cdk.tf.json')}`,
    );
    expect(fs.readdirSync(path.join(dir, 'generated/stacks'))).toEqual(['orders-clickpipes']);
    expect(fs.readFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf.json'), 'utf8')).toBe(
      orders,
    );
  });

  it('reads settings from cdktf.json next to the grants directory (not the working directory)', () => {
    const cdktfJson = JSON.stringify({
      app: 'node x.js',
      context: { kinesisAccess: { backend: { type: 's3', bucket: 'team-state', region: 'eu-west-1' } } },
    });
    const dir = repo({ 'orders.yaml': ORDERS }, { 'cdktf.json': cdktfJson });
    const run = runCli(['synth', path.join(dir, 'grants'), '--out', path.join(dir, 'generated')], {
      cwd: tempTree(),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/s3 state, settings from .*cdktf\.json/);
    const stack = JSON.parse(
      fs.readFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf.json'), 'utf8'),
    );
    expect(stack.terraform.backend.s3).toEqual({
      bucket: 'team-state',
      key: 'kinesis-access/orders-clickpipes.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('rejects bad settings with the field, the source and the value, writing nothing', () => {
    const dir = repo(
      { 'orders.yaml': ORDERS },
      { 'cdktf.json': JSON.stringify({ context: { kinesisAccess: { layout: 'stream' } } }) },
    );
    const run = runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cdktf\.json context\.kinesisAccess\.layout: .*received "stream"/);
    expect(fs.existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('writes one stack per account with --layout account', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'payments.yaml': PAYMENTS });
    const run = runCli(['synth', 'grants', '--out', 'generated', '--layout', 'account'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'generated/stacks'))).toEqual(['account-123456789012']);
  });

  it('writes formatted HCL with --hcl', () => {
    const dir = repo({ 'orders.yaml': ORDERS });
    const run = runCli(['synth', 'grants', '--out', 'generated', '--hcl'], { cwd: dir });
    expect(run.code).toBe(0);
    const hcl = fs.readFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf'), 'utf8');
    expect(hcl).toMatch(/^resource "aws_iam_role" "orders-clickpipes_role" \{$/m);
    expect(hcl).toMatch(/^ {2}value {7}= aws_iam_role\.orders-clickpipes_role\.arn$/m);
  });
});

describe('kinesis-access verify (and synth --check)', () => {
  it('passes when the committed files match the grants', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'payments.yaml': PAYMENTS });
    runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    for (const args of [['verify'], ['synth', '--check']]) {
      const run = runCli([...args, 'grants', '--out', 'generated'], { cwd: dir, writesNothing: true });
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(run.stderr).toMatch(/generated is up to date \(2 grants, 2 files\)/);
    }
  });

  it('fails on a changed, a new and a removed grant, listing each file and the command to run', () => {
    const dir = repo({ 'orders.yaml': ORDERS, 'payments.yaml': PAYMENTS });
    runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir });
    fs.writeFileSync(
      path.join(dir, 'grants/orders.yaml'),
      ORDERS.replace('stream/orders', 'stream/orders-v2'),
    );
    fs.writeFileSync(
      path.join(dir, 'grants/refunds.yaml'),
      grantYaml({ name: 'refunds-clickpipes', stream: 'refunds' }),
    );
    fs.rmSync(path.join(dir, 'grants/payments.yaml'));
    for (const args of [['verify'], ['synth', '--check']]) {
      const run = runCli([...args, 'grants', '--out', 'generated'], { cwd: dir, writesNothing: true });
      expect(run.code).toBe(1);
      expect(lines(run.stdout)).toEqual([
        'generated/stacks/refunds-clickpipes/cdk.tf.json: missing (a grant produces it, but it is not there)',
        'generated/stacks/orders-clickpipes/cdk.tf.json: out of date (differs from what the grants produce)',
        'generated/stacks/payments-clickpipes/cdk.tf.json: no grant produces this file any more',
      ]);
      expect(run.stderr).toContain(
        'Run:\n  kinesis-access synth grants --out generated\nand commit the result.',
      );
    }
    expect(runCli(['synth', 'grants', '--out', 'generated'], { cwd: dir }).code).toBe(0);
    expect(runCli(['verify', 'grants', '--out', 'generated'], { cwd: dir }).code).toBe(0);
  });

  it('checks HCL output with --hcl and names --hcl in the hint', () => {
    const dir = repo({ 'orders.yaml': ORDERS });
    runCli(['synth', 'grants', '--out', 'generated', '--hcl'], { cwd: dir });
    expect(runCli(['verify', 'grants', '--out', 'generated', '--hcl'], { cwd: dir }).code).toBe(0);
    const json = runCli(['verify', 'grants', '--out', 'generated'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(lines(json.stdout)).toEqual([
      'generated/stacks/orders-clickpipes/cdk.tf.json: missing (a grant produces it, but it is not there)',
      'generated/stacks/orders-clickpipes/cdk.tf: no grant produces this file any more',
    ]);
    fs.appendFileSync(path.join(dir, 'generated/stacks/orders-clickpipes/cdk.tf'), '\n');
    const stale = runCli(['verify', 'grants', '--out', 'generated', '--hcl'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('kinesis-access synth grants --out generated --hcl');
  });

  it('reports grant problems instead of comparing', () => {
    const dir = repo({ 'orders.yaml': 'kind: nope\n' });
    const run = runCli(['verify', 'grants', '--out', 'generated'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(lines(run.stdout).every((l) => l.startsWith('grants/orders.yaml: '))).toBe(true);
  });
});
