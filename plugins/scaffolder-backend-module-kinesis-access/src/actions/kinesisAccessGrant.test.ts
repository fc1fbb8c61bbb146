import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { renderFiles } from '@kinesis-access/cdktf';
import { parseGrantYaml, planGrant, renderSummary } from '@kinesis-access/policy-model';
import {
  inputSchemaOf,
  newWorkspace,
  readTree,
  rejection,
  removeWorkspace,
  runAction,
  VALID_INPUT,
} from '../test-support/actionHarness';
import { createKinesisAccessGrantAction } from './kinesisAccessGrant';

const ROLE_NAME = 'ClickHouseAccessRole-orders-clickpipes';
const ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE_NAME}`;
const GRANT = 'grants/orders-clickpipes.yaml';
const SUMMARY = 'grants/orders-clickpipes.md';
const TERRAFORM = 'generated/stacks/orders-clickpipes/cdk.tf.json';

let workspace: string;
beforeEach(async () => {
  workspace = await newWorkspace();
});
afterEach(() => removeWorkspace(workspace));

const expectError = rejection;

describe('kinesis:access:grant', () => {
  it('describes itself: id, dry-run support, a description on every input field', () => {
    const action = createKinesisAccessGrantAction();
    expect(action.id).toBe('kinesis:access:grant');
    expect(action.supportsDryRun).toBe(true);
    const input = inputSchemaOf(action);
    expect(Object.keys(input.properties).sort()).toEqual(
      [
        'clickhouseRoleArn',
        'description',
        'name',
        'permissionsBoundaryArn',
        'profile',
        'resourcePolicyPrincipals',
        'roleName',
        'streams',
        'tags',
        'targetPath',
      ].sort(),
    );
    for (const [field, schema] of Object.entries(input.properties)) {
      expect([field, typeof schema.description]).toEqual([field, 'string']);
    }
    expect(input.required.sort()).toEqual(['clickhouseRoleArn', 'name', 'streams']);
  });

  it('writes the grant file, its Terraform and the summary, and outputs the role', async () => {
    const { outputs } = await runAction(VALID_INPUT, workspace);
    const tree = await readTree(workspace);
    expect(Object.keys(tree)).toEqual([GRANT, SUMMARY, TERRAFORM].sort());

    const parsed = parseGrantYaml(tree[GRANT] as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value).toMatchObject({
      apiVersion: 'kinesis-access/v1',
      kind: 'KinesisAccessGrant',
      metadata: { name: 'orders-clickpipes' },
      spec: {
        profile: 'clickpipes',
        principal: { roleArn: VALID_INPUT.clickhouseRoleArn },
        streams: [{ arn: VALID_INPUT.streams[0].arn }],
      },
    });

    const terraform = JSON.parse(tree[TERRAFORM] as string);
    const roles = Object.values(terraform.resource.aws_iam_role) as { name: string }[];
    expect(roles.map((role) => role.name)).toEqual([ROLE_NAME]);

    expect(outputs).toEqual({
      roleName: ROLE_NAME,
      roleArn: ROLE_ARN,
      grantPath: GRANT,
      terraformPaths: [TERRAFORM],
      summaryPath: SUMMARY,
      summary: tree[SUMMARY],
    });
    expect(outputs.summary).toContain(ROLE_NAME);
  });

  it('writes exactly what the model and `kinesis-access synth` produce for that grant (freshness check passes)', async () => {
    await runAction(VALID_INPUT, workspace);
    const tree = await readTree(workspace);
    const parsed = parseGrantYaml(tree[GRANT] as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const plan = planGrant(parsed.value);
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const { stacks } = await renderFiles([plan.value], { layout: 'grant' });
    expect(stacks.map((stack) => [`generated/${stack.file}`, stack.content])).toEqual([
      [TERRAFORM, tree[TERRAFORM]],
    ]);
    expect(tree[SUMMARY]).toBe(renderSummary(plan.value));
  });

  it('renders the same files and outputs in a dry-run', async () => {
    const real = await runAction(VALID_INPUT, workspace);
    const dryWorkspace = await newWorkspace();
    try {
      const dry = await runAction(VALID_INPUT, dryWorkspace, { isDryRun: true });
      expect(await readTree(dryWorkspace)).toEqual(await readTree(workspace));
      expect(dry.outputs).toEqual(real.outputs);
    } finally {
      await fs.rm(dryWorkspace, { recursive: true, force: true });
    }
  });

  it('is idempotent: the same input again succeeds and leaves byte-identical files', async () => {
    const first = await runAction(VALID_INPUT, workspace);
    const before = await readTree(workspace);
    const second = await runAction(VALID_INPUT, workspace);
    expect(await readTree(workspace)).toEqual(before);
    expect(second.outputs).toEqual(first.outputs);
  });

  it('accepts an existing grant file that holds the same grant in another layout, and keeps it as it is', async () => {
    await runAction(VALID_INPUT, workspace);
    const reformatted = [
      '# kept by hand',
      'apiVersion: kinesis-access/v1',
      'kind: KinesisAccessGrant',
      'metadata: { name: orders-clickpipes }',
      'spec:',
      '  streams: [{ arn: "arn:aws:kinesis:us-east-1:123456789012:stream/orders" }]',
      `  principal: { roleArn: "${VALID_INPUT.clickhouseRoleArn}" }`,
      '',
    ].join('\n');
    await fs.writeFile(path.join(workspace, GRANT), reformatted);
    await runAction(VALID_INPUT, workspace);
    expect(await fs.readFile(path.join(workspace, GRANT), 'utf8')).toBe(reformatted);
  });

  it('refuses a different existing grant with the same name and writes nothing', async () => {
    // The repository already has a grant "orders-clickpipes", for another stream.
    const elsewhere = await newWorkspace();
    const otherStream = 'arn:aws:kinesis:us-east-1:123456789012:stream/other';
    await runAction({ ...VALID_INPUT, streams: [{ arn: otherStream }] }, elsewhere);
    const otherGrant = (await readTree(elsewhere))[GRANT] as string;
    await fs.rm(elsewhere, { recursive: true, force: true });
    expect(otherGrant).toContain(otherStream);
    await fs.mkdir(path.join(workspace, 'grants'));
    await fs.writeFile(path.join(workspace, GRANT), otherGrant);

    const error = await expectError(runAction(VALID_INPUT, workspace));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(
      /grants\/orders-clickpipes\.yaml already holds a different grant named "orders-clickpipes"/,
    );
    expect(await readTree(workspace)).toEqual({ [GRANT]: otherGrant });
  });

  it('refuses an existing file of that name that is not a grant at all', async () => {
    await fs.mkdir(path.join(workspace, 'grants'));
    await fs.writeFile(path.join(workspace, GRANT), 'just: [some, yaml]\n');
    const error = await expectError(runAction(VALID_INPUT, workspace));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/not a valid grant file/);
  });

  it('names every bad field, as the action input calls it, with what was received, in one InputError', async () => {
    const error = await expectError(
      runAction(
        {
          name: 'Orders_ClickPipes',
          clickhouseRoleArn: 'not-an-arn',
          streams: [
            { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' },
            { arn: 'arn:aws:s3:::my-bucket' },
            { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' },
            // The odd account out is blamed, not the streams that agree.
            { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/refunds' },
          ],
        },
        workspace,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    const lines = error.message.split('\n').slice(1);
    expect(lines.some((line) => /^ {2}- name: .*Orders_ClickPipes/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {2}- clickhouseRoleArn: .*not-an-arn/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {2}- streams\[1\]\.arn: .*arn:aws:s3:::my-bucket/.test(line))).toBe(true);
    expect(
      lines.some((line) => /^ {2}- streams\[2\]\.arn: .*999999999999.*stream\/elsewhere/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => line.startsWith('  - streams[0]'))).toBe(false);
    expect(error.message).not.toMatch(/spec\.|metadata\./);
    expect(await readTree(workspace)).toEqual({});
  });

  it('refuses to become a second owner of a stream resource policy, naming both files, and writes nothing', async () => {
    const shared = {
      ...VALID_INPUT,
      profile: 'read',
      resourcePolicyPrincipals: ['arn:aws:iam::444455556666:root'],
    };
    await runAction({ ...shared, name: 'partner-a', targetPath: 'infra' }, workspace);
    const before = await readTree(workspace);
    const error = await expectError(
      runAction(
        {
          ...shared,
          name: 'partner-b',
          resourcePolicyPrincipals: ['arn:aws:iam::777788889999:root'],
          targetPath: 'infra',
        },
        workspace,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^kinesis:access:grant input is not a valid grant \(1 problem\):\n {2}- resourcePolicyPrincipals: the resource policy of stream arn:aws:kinesis:us-east-1:123456789012:stream\/orders is also set by infra\/grants\/partner-a\.yaml \(grant "partner-a"\), and infra\/grants\/partner-b\.yaml sets it too .*resourcePolicyPrincipals.* \(infra\/grants\/partner-b\.yaml line \d+\)$/,
    );
    expect(await readTree(workspace)).toEqual(before);
    // Without a resource policy the same stream is fine.
    await runAction({ ...VALID_INPUT, profile: 'read', name: 'partner-c', targetPath: 'infra' }, workspace);
  });

  it('names the grant file line of a quota problem', async () => {
    const error = await expectError(
      runAction(
        {
          ...VALID_INPUT,
          streams: Array.from({ length: 1000 }, (_, i) => ({
            arn: `arn:aws:kinesis:us-east-1:123456789012:stream/stream-${String(i).padStart(4, '0')}`,
          })),
        },
        workspace,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /- streams: grant "orders-clickpipes": the permissions need \d+ managed policies .* \(grants\/orders-clickpipes\.yaml line 9\)$/m,
    );
    expect(await readTree(workspace)).toEqual({});
  });

  it('reports missing required fields as such', async () => {
    const error = await expectError(runAction({ name: 'x-grant' }, workspace));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/clickhouseRoleArn: /);
    expect(error.message).toMatch(/streams: /);
    expect(await readTree(workspace)).toEqual({});
  });

  it('passes the optional fields to the grant (role name, KMS key, boundary, tags) and ignores blank ones', async () => {
    const input = {
      ...VALID_INPUT,
      roleName: 'ClickHouseAccessRole-orders-custom',
      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
      tags: { team: 'data' },
      streams: [
        {
          arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
        { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/refunds', kmsKeyArn: '' },
      ],
      profile: '',
      description: '  ',
    };
    const { outputs } = await runAction(input, workspace);
    expect(outputs.roleName).toBe('ClickHouseAccessRole-orders-custom');
    expect(outputs.roleArn).toBe('arn:aws:iam::123456789012:role/ClickHouseAccessRole-orders-custom');
    const parsed = parseGrantYaml((await readTree(workspace))[GRANT] as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.spec.profile).toBe('clickpipes');
    expect(parsed.value.spec.role).toMatchObject({
      name: 'ClickHouseAccessRole-orders-custom',
      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
      tags: { team: 'data' },
    });
    expect(parsed.value.spec.streams).toEqual([
      input.streams[0],
      { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/refunds' },
    ]);
    expect(parsed.value.metadata.description).toBeUndefined();
  });

  it('writes under targetPath and reports workspace paths', async () => {
    const { outputs } = await runAction({ ...VALID_INPUT, targetPath: 'infra' }, workspace);
    expect(Object.keys(await readTree(workspace))).toEqual(
      [`infra/${GRANT}`, `infra/${SUMMARY}`, `infra/${TERRAFORM}`].sort(),
    );
    expect(outputs).toMatchObject({ grantPath: `infra/${GRANT}`, terraformPaths: [`infra/${TERRAFORM}`] });
  });

  it('refuses a targetPath outside the workspace', async () => {
    const error = await expectError(runAction({ ...VALID_INPUT, targetPath: '../escape' }, workspace));
    expect(error.message).toMatch(/outside|escape|not allowed|Relative path/i);
    await expect(fs.access(path.join(workspace, '..', 'escape'))).rejects.toThrow();
  });

  it('writes HCL when configured to', async () => {
    const { outputs } = await runAction(VALID_INPUT, workspace, { options: { terraform: { hcl: true } } });
    expect(outputs.terraformPaths).toEqual(['generated/stacks/orders-clickpipes/cdk.tf']);
    const hcl = (await readTree(workspace))['generated/stacks/orders-clickpipes/cdk.tf'] as string;
    expect(hcl).toMatch(/resource "aws_iam_role"/);
    expect(hcl).toContain(ROLE_NAME);
  });

  it('uses the configured state backend in the Terraform', async () => {
    await runAction(VALID_INPUT, workspace, {
      options: { terraform: { backend: { type: 's3', bucket: 'tf-state', region: 'eu-west-1' } } },
    });
    const terraform = JSON.parse((await readTree(workspace))[TERRAFORM] as string);
    expect(terraform.terraform.backend.s3).toMatchObject({ bucket: 'tf-state', region: 'eu-west-1' });
  });
});
