import type { ApiHolder } from '@backstage/core-plugin-api';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import type { JsonObject } from '@backstage/types';
import { compileGrant, validateGrant } from '@kinesis-access/policy-model';
import { clickHouseRoleArnValidation } from './fields/ClickHouseRoleArnField';
import { kinesisAccessPreviewValidation } from './fields/KinesisAccessPreview';
import { kinesisStreamsValidation } from './fields/KinesisStreamsField';
import { grantFromTemplateInput } from './grantInput';

const apiHolder: ApiHolder = { get: () => undefined };
const ORDERS = { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' };
const valid = {
  name: 'orders',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  streams: [ORDERS],
};

/** Run a field validator the way the scaffolder does (createAsyncValidators) and return its errors. */
async function run<T>(validator: CustomFieldValidator<T>, value: T, formData: JsonObject): Promise<string[]> {
  const validation = createFieldValidation();
  await validator(value, validation, { apiHolder, formData, schema: {} });
  return validation.__errors ?? [];
}

function problemsAt(formData: object, path: (p: string) => boolean) {
  const result = validateGrant(grantFromTemplateInput(formData));
  return result.ok ? [] : result.problems.filter((p) => path(p.path));
}

describe('field validators return the policy model messages', () => {
  it('ClickHouseRoleArnField: the model messages for spec.principal.roleArn, unchanged', async () => {
    const data = { ...valid, clickhouseRoleArn: 'arn:aws:iam::111122223333:user/not-a-role' };
    const expected = problemsAt(data, (p) => p === 'spec.principal.roleArn').map((p) => p.message);
    expect(expected.length).toBeGreaterThan(0);
    expect(await run(clickHouseRoleArnValidation, data.clickhouseRoleArn, data)).toEqual(expected);
    expect(await run(clickHouseRoleArnValidation, valid.clickhouseRoleArn, valid)).toEqual([]);
  });

  it('ClickHouseRoleArnField: ignores problems of other fields', async () => {
    const data = { ...valid, name: 'Not A Name', streams: [{ arn: 'nope' }] };
    expect(problemsAt(data, () => true).length).toBeGreaterThan(0);
    expect(await run(clickHouseRoleArnValidation, data.clickhouseRoleArn, data)).toEqual([]);
  });

  it('KinesisStreamsField: each row problem with its row and column', async () => {
    const streams = [ORDERS, { arn: 'arn:aws:kinesis:us-east-1:123456789012:orders' }];
    const data = { ...valid, streams };
    const problems = problemsAt(data, (p) => p.startsWith('spec.streams'));
    expect(problems.map((p) => p.path)).toContain('spec.streams[1].arn');
    const errors = await run(kinesisStreamsValidation, streams as never, data);
    expect(errors).toEqual(
      problems.map((p) =>
        p.path === 'spec.streams[1].arn' ? `Stream 2 ARN: ${p.message}` : expect.any(String),
      ),
    );
    expect(await run(kinesisStreamsValidation, valid.streams as never, valid)).toEqual([]);
  });

  it('KinesisStreamsField: an empty list gets the model message for spec.streams', async () => {
    const data = { ...valid, streams: [] };
    const expected = problemsAt(data, (p) => p === 'spec.streams').map((p) => p.message);
    expect(expected.length).toBeGreaterThan(0);
    expect(await run(kinesisStreamsValidation, [] as never, data)).toEqual(expected);
  });

  it('KinesisAccessPreview: the problems no other field shows, named by form parameter', async () => {
    const data = { ...valid, name: 'Not A Name', roleName: 'WrongPrefix-orders' };
    const problems = problemsAt(data, (p) => p === 'metadata.name' || p === 'spec.role.name');
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const errors = await run(kinesisAccessPreviewValidation, undefined, data);
    expect(errors).toEqual(
      problems.map((p) => `${p.path === 'metadata.name' ? 'name' : 'roleName'}: ${p.message}`),
    );
  });

  it('KinesisAccessPreview: quota problems block the step too (default role name over 64 characters)', async () => {
    // A valid 51-character grant name whose default role name ClickHouseAccessRole-<name> is 72 characters.
    const data = { ...valid, name: `a${'-b'.repeat(25)}` };
    const result = compileGrant(grantFromTemplateInput(data));
    // As the grant action says it too: grant paths quoted in the message are named by their form parameter.
    const expected = result.ok
      ? []
      : result.problems.map((p) => `name: ${p.message.replace('set spec.role.name', 'set roleName')}`);
    expect(expected).toEqual([
      expect.stringContaining('the IAM quota is 64 (shorten the name or set roleName)'),
    ]);
    expect(await run(kinesisAccessPreviewValidation, undefined, data)).toEqual(expected);
  });

  it('KinesisAccessPreview: nothing to report for a valid grant', async () => {
    expect(await run(kinesisAccessPreviewValidation, 'x', valid)).toEqual([]);
  });
});
