import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import { inputSchemaOf, readTree, rejection, removeWorkspace } from '../test-support/actionHarness';
import {
  applyPullRequest,
  CLICKHOUSE,
  KEY,
  kinesisAccess,
  NEW_KEY,
  newInfraRepoWorkspace,
  runTemplateAction,
  stream,
} from '../test-support/infraRepo';
import { createKinesisAccessChangeAction } from './kinesisAccessChange';

const action = createKinesisAccessChangeAction();
const GRANT = 'grants/orders-clickpipes.yaml';
const STACK = 'generated/stacks/orders-clickpipes/cdk.tf.json';
const SUMMARY = 'grants/orders-clickpipes.md';

let workspace: string;
beforeEach(async () => {
  workspace = await newInfraRepoWorkspace('ka-change-');
});
afterEach(() => removeWorkspace(workspace));

const failure = (input: unknown) => rejection(runTemplateAction(action, input, workspace));

describe('kinesis:access:change', () => {
  it('describes itself: id, dry-run support, a description on every input field', () => {
    expect(action.id).toBe('kinesis:access:change');
    expect(action.supportsDryRun).toBe(true);
    const input = inputSchemaOf(action);
    expect(Object.keys(input.properties).sort()).toEqual(
      [
        'addStreams',
        'clickhouseRoleArn',
        'currentPath',
        'kmsKeys',
        'name',
        'removeStreams',
        'targetPath',
      ].sort(),
    );
    for (const [field, schema] of Object.entries(input.properties)) {
      expect([field, typeof schema.description]).toEqual([field, 'string']);
    }
    expect(input.required).toEqual(['name']);
  });

  it('adds a stream: writes only the changed grant, its Terraform and summary, keeping the file’s comments', async () => {
    const { outputs } = await runTemplateAction(
      action,
      { name: 'orders-clickpipes', addStreams: [{ arn: stream('orders-returns'), kmsKeyArn: NEW_KEY }] },
      workspace,
    );
    const changes = await readTree(path.join(workspace, 'changes'));
    expect(Object.keys(changes)).toEqual([STACK, SUMMARY, GRANT].sort());
    const grant = changes[GRANT] as string;
    expect(grant).toMatch(/^# Orders into ClickHouse Cloud \(kept by the data platform team\)\.\n/);
    expect(grant).toContain('# ClickHouse service role');
    const parsed = parseGrantYaml(grant);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.spec.streams).toEqual([
      { arn: stream('orders'), kmsKeyArn: KEY },
      { arn: stream('orders-legacy') },
      { arn: stream('orders-returns'), kmsKeyArn: NEW_KEY },
    ]);
    expect(parsed.value.spec.role?.tags).toEqual({ team: 'analytics' });
    expect(outputs).toMatchObject({
      roleName: 'ClickHouseAccessRole-orders-clickpipes',
      grantPath: GRANT,
      targetPath: 'changes',
      terraformPaths: [STACK],
      summary: changes[SUMMARY],
    });
    const diff = outputs.accessDiff as string;
    expect(diff).toMatch(/^## Access changes: orders-clickpipes\n/);
    expect(diff).toContain(`- \`${stream('orders-returns')}\`: \`kinesis:DescribeStream\``);
    expect(diff).toContain(`\`${NEW_KEY}\`: \`kms:Decrypt\``);
    expect(outputs.description).toBe(`${diff}\n---\n\n${changes[SUMMARY]}`);
  });

  it('produces a pull request after which the repository passes `check` and `verify`, and `diff` agrees', async () => {
    const input = {
      name: 'orders-clickpipes',
      removeStreams: [stream('orders-legacy')],
      kmsKeys: [{ streamArn: stream('orders'), kmsKeyArn: NEW_KEY }],
      clickhouseRoleArn: 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role',
    };
    const { outputs } = await runTemplateAction(action, input, workspace);
    const after = path.join(workspace, 'after');
    await applyPullRequest(path.join(workspace, 'current'), after, {
      files: await readTree(path.join(workspace, 'changes')),
    });
    expect(await kinesisAccess(['check', 'grants'], after)).toMatchObject({ code: 0 });
    expect(await kinesisAccess(['verify', 'grants', '--out', 'generated'], after)).toMatchObject({ code: 0 });
    // The PR really changes the Terraform: the current repository is stale against the changed grants.
    const current = path.join(workspace, 'current');
    expect(
      (
        await kinesisAccess(
          ['verify', path.join(after, 'grants'), '--out', path.join(current, 'generated')],
          current,
        )
      ).code,
    ).toBe(1);
    const cli = await kinesisAccess(
      ['diff', path.join(current, GRANT), path.join(after, GRANT), '--format', 'markdown'],
      workspace,
    );
    expect(cli.code).toBe(0);
    expect(outputs.accessDiff).toBe(
      cli.stdout.replace(/^## Kinesis access changes\n/, '## Access changes: orders-clickpipes\n'),
    );
    expect(outputs.accessDiff).toContain(
      '- may now assume it: `arn:aws:iam::444455556666:role/CH-S3-new-service-Role`',
    );
    expect(outputs.accessDiff).toContain(`- may no longer assume it: \`${CLICKHOUSE}\``);
  });

  it('changes a grant whose file is in a sub-folder, at that path', async () => {
    const { outputs } = await runTemplateAction(
      action,
      { name: 'partner-metrics-shared', addStreams: [{ arn: stream('device-events') }] },
      workspace,
    );
    expect(outputs.grantPath).toBe('grants/team-b/partner-metrics-shared.yaml');
    expect(Object.keys(await readTree(path.join(workspace, 'changes')))).toContain(
      'grants/team-b/partner-metrics-shared.yaml',
    );
  });

  it('renders the same files and outputs in a dry-run', async () => {
    const input = { name: 'orders-clickpipes', removeStreams: [stream('orders-legacy')] };
    const real = await runTemplateAction(action, input, workspace);
    const realTree = await readTree(path.join(workspace, 'changes'));
    await fs.rm(path.join(workspace, 'changes'), { recursive: true });
    const dry = await runTemplateAction(action, input, workspace, true);
    expect(await readTree(path.join(workspace, 'changes'))).toEqual(realTree);
    expect(dry.outputs).toEqual(real.outputs);
  });

  it('refuses bad input with an InputError naming the field and what was received, writing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { name: 'nope', addStreams: [{ arn: stream('x') }] },
        /name: no grant named "nope" .*received "nope" \(grants there: orders-clickpipes, partner-metrics-shared\)/,
      ],
      [{ name: '' }, /name: is required, received ""/],
      [
        {
          name: 'orders-clickpipes',
          addStreams: [{ arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/x' }],
        },
        /addStreams\[0\]\.arn: .*999999999999/,
      ],
      [
        { name: 'orders-clickpipes', removeStreams: [stream('orders'), stream('orders-legacy')] },
        /removeStreams: removes every stream .*revoke/,
      ],
      [
        {
          name: 'orders-clickpipes',
          kmsKeys: [{ streamArn: stream('orders'), kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/x' }],
        },
        /kmsKeys\[0\]\.kmsKeyArn: .*alias/,
      ],
      [{ name: 'orders-clickpipes' }, /\(grant\): the change leaves grant "orders-clickpipes" as it is/],
      [
        { name: 'orders-clickpipes', currentPath: 'missing', addStreams: [] },
        /currentPath: no grants\/ directory in "missing"/,
      ],
      [{ name: 'orders-clickpipes', targetPath: 'current' }, /targetPath: must differ from currentPath/],
    ];
    for (const [input, message] of cases) {
      const error = await failure(input);
      expect([JSON.stringify(input), error.name]).toEqual([JSON.stringify(input), InputError.name]);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^kinesis:access:change/);
      await expect(fs.access(path.join(workspace, 'changes'))).rejects.toThrow();
    }
  });

  it('names an invalid grant file in the repository instead of saying it is missing', async () => {
    await fs.writeFile(
      path.join(workspace, 'current', 'grants', 'orders-clickpipes.yaml'),
      'apiVersion: kinesis-access/v1\nkind: KinesisAccessGrant\nmetadata: { name: orders-clickpipes }\nspec: { streems: [] }\n',
    );
    const error = await failure({ name: 'orders-clickpipes', removeStreams: [stream('orders-legacy')] });
    expect(error.message).toMatch(
      /name: the grant file of "orders-clickpipes" in the repository is not valid/,
    );
    expect(error.message).toMatch(/grants\/orders-clickpipes\.yaml: spec\.streems/);
  });
});
