import { validateGrant } from '@kinesis-access/policy-model';
import { fireEvent, screen, within } from '@testing-library/react';
import { grantFromTemplateInput, type KinesisStreamInput } from '../../grantInput';
import { ONE_PAGE_MANIFEST, renderScaffolderForm, typeInto } from '../../test-support/forms';

const ORDERS = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const PAYMENTS = 'arn:aws:kinesis:us-east-1:123456789012:stream/payments';
const BAD_STREAM = 'arn:aws:kinesis:us-east-1:123456789012:orders';
const BAD_KEY = 'arn:aws:kms:us-east-1:123456789012:alias/orders';

/** The policy model's messages at one grant path for these streams (other fields valid). */
function modelMessages(streams: KinesisStreamInput[], path: string): string[] {
  const result = validateGrant(
    grantFromTemplateInput({
      name: 'orders',
      clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH',
      streams,
    }),
  );
  return result.ok ? [] : result.problems.filter((p) => p.path === path).map((p) => p.message);
}

const row = (index: number) => screen.getByTestId(`stream-row-${index}`);

describe('KinesisStreamsField', () => {
  it('accepts a valid stream ARN without errors', async () => {
    expect(modelMessages([{ arn: ORDERS }], 'spec.streams[0].arn')).toEqual([]);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    const input = typeInto(/^Stream 1 ARN/, ORDERS);
    expect(input).toHaveValue(ORDERS);
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId('streams-errors')).toBeEmptyDOMElement();
  });

  it('shows the model message on the row whose ARN is wrong, not on the others', async () => {
    const expected = modelMessages([{ arn: ORDERS }, { arn: BAD_STREAM }], 'spec.streams[1].arn');
    expect(expected.length).toBeGreaterThan(0);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);

    typeInto(/^Stream 1 ARN/, ORDERS);
    fireEvent.click(screen.getByRole('button', { name: 'Add stream' }));
    const second = typeInto(/^Stream 2 ARN/, BAD_STREAM);

    expect(second).toHaveAttribute('aria-invalid', 'true');
    for (const message of expected) expect(within(row(1)).getByText(message)).toBeInTheDocument();
    for (const message of expected) expect(within(row(0)).queryByText(message)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Stream 1 ARN/)).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows KMS key problems on the key cell of that row', async () => {
    const expected = modelMessages([{ arn: ORDERS, kmsKeyArn: BAD_KEY }], 'spec.streams[0].kmsKeyArn');
    expect(expected.length).toBeGreaterThan(0);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    typeInto(/^Stream 1 ARN/, ORDERS);
    const key = typeInto(/Stream 1 KMS key ARN/, BAD_KEY);
    expect(key).toHaveAttribute('aria-invalid', 'true');
    for (const message of expected) expect(within(row(0)).getByText(message)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Stream 1 ARN/)).toHaveAttribute('aria-invalid', 'false');
  });

  it('removes a row and with it its error', async () => {
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    typeInto(/^Stream 1 ARN/, ORDERS);
    fireEvent.click(screen.getByRole('button', { name: 'Add stream' }));
    typeInto(/^Stream 2 ARN/, BAD_STREAM);
    expect(screen.getByLabelText(/^Stream 2 ARN/)).toHaveAttribute('aria-invalid', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Remove stream 2' }));
    expect(screen.queryByLabelText(/^Stream 2 ARN/)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Stream 1 ARN/)).toHaveValue(ORDERS);
    expect(screen.getByRole('button', { name: 'Remove stream 1' })).toBeDisabled();
  });

  it('reports problems between rows (streams of another account) on the row the model names', async () => {
    const streams = [{ arn: ORDERS }, { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/other' }];
    const result = validateGrant(
      grantFromTemplateInput({
        name: 'orders',
        clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH',
        streams,
      }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.filter((p) => p.path.startsWith('spec.streams'));
    expect(problems.length).toBeGreaterThan(0);

    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    typeInto(/^Stream 1 ARN/, ORDERS);
    fireEvent.click(screen.getByRole('button', { name: 'Add stream' }));
    typeInto(/^Stream 2 ARN/, PAYMENTS.replace('123456789012', '999999999999').replace('payments', 'other'));
    for (const problem of problems)
      expect(screen.getAllByText(problem.message, { exact: false }).length).toBeGreaterThan(0);
  });
});
