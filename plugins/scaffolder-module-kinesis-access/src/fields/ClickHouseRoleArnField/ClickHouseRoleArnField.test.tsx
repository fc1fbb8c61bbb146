import { validateGrant } from '@kinesis-access/policy-model';
import { screen, within } from '@testing-library/react';
import { grantFromTemplateInput } from '../../grantInput';
import { ONE_PAGE_MANIFEST, renderScaffolderForm, typeInto } from '../../test-support/forms';

const GOOD_ARN = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
const BAD_ARN = 'arn:aws:s3:::not-a-role';

/** What the policy model says about this ClickHouse role ARN (all other fields valid). */
function modelMessages(clickhouseRoleArn: string): string[] {
  const result = validateGrant(
    grantFromTemplateInput({
      name: 'orders',
      clickhouseRoleArn,
      streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
    }),
  );
  return result.ok
    ? []
    : result.problems.filter((p) => p.path === 'spec.principal.roleArn').map((p) => p.message);
}

const roleArnLabel = /ClickHouse service role ARN/;

describe('ClickHouseRoleArnField', () => {
  it('shows the policy model message for an invalid ARN as it is typed', async () => {
    const expected = modelMessages(BAD_ARN);
    expect(expected.length).toBeGreaterThan(0);

    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    const errors = screen.getByTestId('clickhouse-role-arn-errors');
    expect(errors).toBeEmptyDOMElement();

    const input = typeInto(roleArnLabel, BAD_ARN);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    for (const message of expected) expect(within(errors).getByText(message)).toBeInTheDocument();
    expect(errors).toHaveAttribute('role', 'alert');
  });

  it('shows no error for a valid ClickHouse service role ARN, and clears the error once fixed', async () => {
    expect(modelMessages(GOOD_ARN)).toEqual([]);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);

    typeInto(roleArnLabel, BAD_ARN);
    expect(screen.getByTestId('clickhouse-role-arn-errors')).not.toBeEmptyDOMElement();

    const input = typeInto(roleArnLabel, GOOD_ARN);
    expect(input).toHaveValue(GOOD_ARN);
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId('clickhouse-role-arn-errors')).toBeEmptyDOMElement();
  });

  it('explains where to find the ARN when the template gives no ui:help', async () => {
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    expect(screen.getByText(/Network security information/)).toBeInTheDocument();
    expect(screen.getByText(/Service role ID \(IAM\)/)).toBeInTheDocument();
  });
});
