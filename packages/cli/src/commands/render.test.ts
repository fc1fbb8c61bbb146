import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  canonicalJson,
  parseGrantYaml,
  planGrant,
  renderJson,
  renderSummary,
} from '@kinesis-access/policy-model';
import { EXAMPLES_DIR, problemLinePattern, runCli, tempTree } from '../test-support/cli';
import { grantYaml, warnedGrantYaml } from '../test-support/grant-yaml';

/** What the model renders for a grant file, computed in-process: the CLI must print exactly this. */
function modelPlan(file: string) {
  const parsed = parseGrantYaml(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is not a valid grant: ${JSON.stringify(parsed.problems)}`);
  const planned = planGrant(parsed.value);
  if (!planned.ok) throw new Error(`${file} cannot be planned: ${JSON.stringify(planned.problems)}`);
  return planned.value;
}

const exampleFiles = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

describe('kinesis-access render --format json', () => {
  it.each(exampleFiles)('prints the DESIGN.md JSON contract for examples/grants/%s', (name) => {
    const file = path.join(EXAMPLES_DIR, name);
    const run = runCli(['render', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(canonicalJson(renderJson(modelPlan(file))));
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['policies', 'resourcePolicies', 'rolePath', 'roleName', 'trustPolicy'].sort(),
    );
    expect(typeof json.roleName).toBe('string');
    expect(typeof json.rolePath).toBe('string');
    expect(json.trustPolicy).toMatchObject({ Version: '2012-10-17', Statement: expect.any(Array) });
    const policies = json.policies as Record<string, unknown>[];
    expect(policies.length).toBeGreaterThanOrEqual(1);
    for (const policy of policies) {
      expect(Object.keys(policy).sort()).toEqual(['document', 'name']);
      expect(typeof policy.document).toBe('object'); // a JSON object, not a JSON string
      expect(policy.document).toMatchObject({ Version: '2012-10-17', Statement: expect.any(Array) });
    }
    for (const rp of json.resourcePolicies as Record<string, unknown>[]) {
      expect(Object.keys(rp).sort()).toEqual(['document', 'resourceArn']);
      expect(typeof rp.document).toBe('object');
    }
  });

  it('renders byte-identical output on every run, and defaults to json', () => {
    const file = path.join(EXAMPLES_DIR, 'clickpipes-orders.yaml');
    const first = runCli(['render', file, '--format', 'json']);
    const second = runCli(['render', file, '--format', 'json']);
    const byDefault = runCli(['render', file]);
    expect(second.stdout).toBe(first.stdout);
    expect(byDefault.stdout).toBe(first.stdout);
    expect(first.stderr).toBe('');
  });

  it('includes the opt-in stream resource policy, keyed by the stream ARN', () => {
    const file = path.join(EXAMPLES_DIR, 'read-partner-shared-metrics.yaml');
    const run = runCli(['render', file, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { resourcePolicies: { resourceArn: string }[] };
    expect(json.resourcePolicies.map((rp) => rp.resourceArn)).toEqual([
      'arn:aws:kinesis:us-east-1:123456789012:stream/device-metrics',
    ]);
  });
});

describe('kinesis-access render --format markdown', () => {
  it('prints the model review summary', () => {
    const file = path.join(EXAMPLES_DIR, 'clickpipes-payments-encrypted.yaml');
    const run = runCli(['render', file, '--format', 'markdown']);
    expect(run.code).toBe(0);
    const summary = renderSummary(modelPlan(file));
    expect(run.stdout).toBe(summary.endsWith('\n') ? summary : `${summary}\n`);
    expect(run.stdout).toContain('ClickHouseAccessRole-payments');
  });
});

describe('kinesis-access render: bad input', () => {
  it('exits 1 with every problem on stderr and nothing on stdout, writing nothing', () => {
    const dir = tempTree({
      'bad.yaml': grantYaml({ name: 'Bad Name', account: '12345', roleName: 'NotClickHouseAccessRole-x' }),
    });
    const run = runCli(['render', 'bad.yaml', '--format', 'json'], { cwd: dir, writesNothing: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const errors = run.stderr.split('\n').filter((l) => l !== '');
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const l of errors) expect(l).toMatch(problemLinePattern('bad.yaml'));
    expect(errors.some((l) => l.startsWith('bad.yaml: metadata.name: '))).toBe(true);
    expect(errors.some((l) => l.startsWith('bad.yaml: spec.streams[0].arn: '))).toBe(true);
  });

  it('exits 1 for a missing file and for a directory', () => {
    const dir = tempTree({ 'grants/a.yaml': grantYaml({ name: 'grant-a' }) });
    const missing = runCli(['render', 'nope.yaml'], { cwd: dir });
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^nope\.yaml: \(document\): cannot read: no such file or directory$/m);
    const directory = runCli(['render', 'grants'], { cwd: dir });
    expect(directory).toMatchObject({ code: 1, stdout: '' });
    expect(directory.stderr).toMatch(/^grants: .*is a directory/m);
  });

  it('refuses an unknown format as a usage error (exit 2) naming the allowed ones', () => {
    const file = path.join(EXAMPLES_DIR, 'clickpipes-orders.yaml');
    const run = runCli(['render', file, '--format', 'yaml']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/argument 'yaml' is invalid\. Allowed choices are json, markdown/);
  });

  it('takes exactly one grant', () => {
    const file = path.join(EXAMPLES_DIR, 'clickpipes-orders.yaml');
    expect(runCli(['render'])).toMatchObject({ code: 2, stdout: '' });
    const two = runCli(['render', file, file]);
    expect(two).toMatchObject({ code: 2, stdout: '' });
    expect(two.stderr).toMatch(/too many arguments/);
  });

  it('prints warnings on stderr while the JSON on stdout stays parseable', () => {
    const dir = tempTree({ 'upsolver.yaml': warnedGrantYaml() });
    const run = runCli(['render', 'upsolver.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^upsolver\.yaml: warning: .*state/im);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});
