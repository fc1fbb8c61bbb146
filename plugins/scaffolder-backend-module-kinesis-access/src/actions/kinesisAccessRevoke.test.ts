import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { inputSchemaOf, readTree, rejection, removeWorkspace } from '../test-support/actionHarness';
import {
  applyPullRequest,
  kinesisAccess,
  newInfraRepoWorkspace,
  runTemplateAction,
  stream,
} from '../test-support/infraRepo';
import { createKinesisAccessRevokeAction } from './kinesisAccessRevoke';

const action = createKinesisAccessRevokeAction();

let workspace: string;
beforeEach(async () => {
  workspace = await newInfraRepoWorkspace('ka-revoke-');
});
afterEach(() => removeWorkspace(workspace));

describe('kinesis:access:revoke', () => {
  it('describes itself: id, dry-run support, a description on every input field', () => {
    expect(action.id).toBe('kinesis:access:revoke');
    expect(action.supportsDryRun).toBe(true);
    const input = inputSchemaOf(action);
    expect(Object.keys(input.properties).sort()).toEqual(['currentPath', 'name', 'reason', 'targetPath']);
    for (const [field, schema] of Object.entries(input.properties)) {
      expect([field, typeof schema.description]).toEqual([field, 'string']);
    }
    expect(input.required).toEqual(['name']);
  });

  it('lists the grant file, its summary and its stack to delete; the description says what is lost and why', async () => {
    const { outputs } = await runTemplateAction(
      action,
      { name: 'partner-metrics-shared', reason: 'The partner contract ended.' },
      workspace,
    );
    expect(outputs.filesToDelete).toEqual([
      'grants/team-b/partner-metrics-shared.yaml',
      'grants/partner-metrics-shared.md',
      'generated/stacks/partner-metrics-shared/cdk.tf.json',
    ]);
    expect(outputs.roleArn).toBe('arn:aws:iam::123456789012:role/kinesis-access-partner-metrics-shared');
    expect(outputs.targetPath).toBe('changes');
    expect(await readTree(path.join(workspace, 'changes'))).toEqual({});
    const description = outputs.description as string;
    expect(description).toMatch(
      /^Revokes grant `partner-metrics-shared` \(`grants\/team-b\/partner-metrics-shared\.yaml`\)\./,
    );
    expect(description).toContain('Reason: The partner contract ended.');
    expect(description).toContain('## Access revoked: partner-metrics-shared');
    expect(description).toContain(`- \`${stream('device-metrics')}\`: \`kinesis:DescribeStream\``);
    expect(description).toContain('**Shared through stream resource policies: lost**');
    expect(description).toContain(outputs.accessDiff as string);
  });

  it('produces a pull request after which the repository passes `check` and `verify`, without the grant', async () => {
    const { outputs } = await runTemplateAction(action, { name: 'orders-clickpipes' }, workspace);
    const current = path.join(workspace, 'current');
    const after = path.join(workspace, 'after');
    await applyPullRequest(current, after, { deleted: outputs.filesToDelete as string[] });
    expect(await kinesisAccess(['check', 'grants'], after)).toMatchObject({ code: 0 });
    expect(await kinesisAccess(['verify', 'grants', '--out', 'generated'], after)).toMatchObject({ code: 0 });
    const diff = await kinesisAccess(
      ['diff', path.join(current, 'grants'), path.join(after, 'grants')],
      workspace,
    );
    const grants = JSON.parse(diff.stdout).grants as { name: string; change: string }[];
    expect(grants.map((g) => [g.name, g.change])).toEqual([
      ['orders-clickpipes', 'removed'],
      ['partner-metrics-shared', 'unchanged'],
    ]);
  });

  it('deletes the grant file alone, with a warning, when the repository has no stack for it', async () => {
    await fs.rm(path.join(workspace, 'current', 'generated', 'stacks', 'orders-clickpipes'), {
      recursive: true,
    });
    await fs.rm(path.join(workspace, 'current', 'grants', 'orders-clickpipes.md'));
    const { outputs, warnings } = await runTemplateAction(
      action,
      { name: 'orders-clickpipes' },
      workspace,
      true,
    );
    expect(outputs.filesToDelete).toEqual(['grants/orders-clickpipes.yaml']);
    expect(warnings.join('\n')).toMatch(/No generated Terraform for "orders-clickpipes"/);
  });

  it('refuses an unknown grant and a missing checkout with an InputError naming the field', async () => {
    for (const [input, message] of [
      [
        { name: 'orders' },
        /^kinesis:access:revoke: name: no grant named "orders" .*\(grants there: orders-clickpipes, partner-metrics-shared\)/,
      ],
      [{ name: 'orders-clickpipes', currentPath: 'repo' }, /currentPath: no grants\/ directory in "repo"/],
      [{ name: '  ' }, /name: is required/],
    ] as const) {
      const error = await rejection(runTemplateAction(action, input, workspace));
      expect(error).toBeInstanceOf(InputError);
      expect(error?.message).toMatch(message);
    }
    await expect(fs.access(path.join(workspace, 'changes'))).rejects.toThrow();
  });
});
