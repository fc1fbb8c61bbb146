import { compileGrant, validateGrant } from '@kinesis-access/policy-model';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { grantFromTemplateInput } from './grantInput';
import {
  collectFormValidationFailures,
  renderTemplateForm,
  templateManifest,
  typeInto,
} from './test-support/forms';

const values = {
  name: 'orders-clickpipes',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
  repoUrl: 'github.com?owner=acme&repo=infrastructure',
};

describe('the grant-clickpipes-kinesis-access template', () => {
  it('puts the fields on the parameters the action reads', () => {
    const properties = Object.assign(
      {},
      ...templateManifest().steps.map(
        (step) => step.schema.properties as Record<string, Record<string, unknown>>,
      ),
    );
    expect(properties.clickhouseRoleArn?.['ui:field']).toBe('ClickHouseRoleArnField');
    expect(properties.streams?.['ui:field']).toBe('KinesisStreamsField');
    expect(properties.preview?.['ui:field']).toBe('KinesisAccessPreview');
  });

  it('shows the model message for a bad ClickHouse role ARN and stays on the first page', async () => {
    const bad = 'arn:aws:iam::111122223333:user/ClickHouse';
    const result = validateGrant(grantFromTemplateInput({ ...values, clickhouseRoleArn: bad }));
    const messages = result.ok ? [] : result.problems.filter((p) => p.path === 'spec.principal.roleArn');
    expect(messages.length).toBeGreaterThan(0);

    await renderTemplateForm();
    typeInto(/Grant name/, values.name);
    typeInto(/ClickHouse service role ARN/, bad);
    for (const { message } of messages) expect(screen.getByText(message)).toBeInTheDocument();
    const rjsf = collectFormValidationFailures();
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findAllByText(/must match pattern/); // the template's own pattern, checked before validators
    } finally {
      rjsf.restore();
    }
    // rjsf reports the same refusal on the console: only the ARN's pattern.
    expect(rjsf.failures.length).toBeGreaterThan(0);
    for (const errors of rjsf.failures)
      expect(errors).toEqual([expect.objectContaining({ name: 'pattern', property: '.clickhouseRoleArn' })]);
    expect(screen.getByLabelText(/ClickHouse service role ARN/)).toHaveValue(bad);
    expect(screen.queryByLabelText(/^Stream 1 ARN/)).not.toBeInTheDocument();
  });

  it('blocks the streams page with the validator when the model rejects what the patterns let through', async () => {
    const streams = [values.streams[0], { arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/other' }];
    const result = validateGrant(grantFromTemplateInput({ ...values, streams }));
    const problem = result.ok ? undefined : result.problems.find((p) => p.path === 'spec.streams[1].arn');
    expect(problem).toBeDefined();

    await renderTemplateForm();
    typeInto(/Grant name/, values.name);
    typeInto(/ClickHouse service role ARN/, values.clickhouseRoleArn);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(await screen.findByLabelText(/^Stream 1 ARN/), { target: { value: streams[0]?.arn } });
    fireEvent.click(screen.getByRole('button', { name: 'Add stream' }));
    typeInto(/^Stream 2 ARN/, streams[1]?.arn ?? '');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    // The validator's message (row-labelled) appears, and the form stays on the streams page.
    await screen.findAllByText(`Stream 2 ARN: ${problem?.message}`, { exact: false });
    expect(screen.getByLabelText(/^Stream 2 ARN/)).toBeInTheDocument();
    expect(screen.queryByTestId('kinesis-access-preview')).not.toBeInTheDocument();
  });

  it('goes through every page and submits values that compile to the previewed grant', async () => {
    const { onCreate } = await renderTemplateForm();
    typeInto(/Grant name/, values.name);
    typeInto(/ClickHouse service role ARN/, values.clickhouseRoleArn);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const stream = await screen.findByLabelText(/^Stream 1 ARN/);
    fireEvent.change(stream, { target: { value: values.streams[0]?.arn } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const preview = await screen.findByTestId('kinesis-access-preview');
    await waitFor(() => expect(preview.textContent).toContain('kinesis:SubscribeToShard'));
    typeInto('Infrastructure repository', values.repoUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    const submitted = onCreate.mock.calls[0]?.[0] ?? {};
    expect(submitted).toMatchObject(values);
    const compiled = compileGrant(grantFromTemplateInput(submitted));
    expect(compiled.ok).toBe(true);
    expect(preview.textContent).toContain(compiled.ok ? compiled.value.role.arn : 'unreachable');
  });
});
