import { canonicalJson, compileGrant, renderJson, renderSummary } from '@kinesis-access/policy-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { grantFromTemplateInput } from '../../grantInput';
import { ONE_PAGE_MANIFEST, renderScaffolderForm, typeInto } from '../../test-support/forms';

const ROLE = 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role';
const ORDERS = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';
const PAYMENTS = 'arn:aws:kinesis:eu-west-1:123456789012:stream/payments';

function compiled(streamArn: string) {
  const result = compileGrant(
    grantFromTemplateInput({ name: 'orders', clickhouseRoleArn: ROLE, streams: [{ arn: streamArn }] }),
  );
  if (!result.ok) throw new Error(`fixture grant is invalid: ${JSON.stringify(result.problems)}`);
  return { plan: result.value, rendered: renderJson(result.value) };
}

const preview = () => screen.getByTestId('kinesis-access-preview');

async function fillForm(streamArn: string) {
  typeInto(/Grant name/, 'orders');
  typeInto(/ClickHouse service role ARN/, ROLE);
  typeInto(/^Stream 1 ARN/, streamArn);
}

describe('KinesisAccessPreview', () => {
  it('lists the model problems, by form parameter, while the grant is not valid', async () => {
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    const problems = within(preview()).getByTestId('preview-problems');
    const result = compileGrant(grantFromTemplateInput({}));
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.path);
    expect(fields).toContain('spec.principal.roleArn');
    expect(within(problems).getByText(/^clickhouseRoleArn: /)).toBeInTheDocument();
    expect(within(preview()).queryByTestId('preview-trust-policy')).not.toBeInTheDocument();
  });

  it('renders the trust policy, permission policies, quota use and summary from the model', async () => {
    const { plan, rendered } = compiled(ORDERS);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    await fillForm(ORDERS);

    const trust = within(preview()).getByLabelText('Trust policy');
    expect(trust.textContent).toBe(canonicalJson(rendered.trustPolicy));
    expect(trust.textContent).toContain(ROLE);
    expect(rendered.policies.length).toBeGreaterThan(0);
    for (const policy of rendered.policies) {
      expect(within(preview()).getByLabelText(`Permission policy ${policy.name}`).textContent).toBe(
        canonicalJson(policy.document),
      );
    }
    const text = preview().textContent ?? '';
    expect(text).toContain('kinesis:SubscribeToShard');
    expect(text).toContain(plan.role.arn);
    expect(within(preview()).getAllByTestId('quota')).toHaveLength(plan.quotas.length);
    for (const quota of plan.quotas)
      expect(text).toContain(`${quota.name}: ${quota.used.toLocaleString('en-US')} of`);
    // The review summary is the model's Markdown, rendered: each of its headings shows up as a heading.
    const summary = within(preview()).getByTestId('preview-summary');
    const headings = renderSummary(plan)
      .split('\n')
      .filter((line) => /^#{1,3} /.test(line))
      .map((line) => line.replace(/^#+ /, '').replace(/`/g, ''));
    expect(headings.length).toBeGreaterThan(1);
    // core-components 0.18.16+ loads the Markdown renderer on first render, so the headings appear a moment later.
    for (const heading of headings)
      expect(await within(summary).findByRole('heading', { name: heading })).toBeInTheDocument();
  });

  it('updates when an input changes', async () => {
    const before = compiled(ORDERS);
    const after = compiled(PAYMENTS);
    await renderScaffolderForm(ONE_PAGE_MANIFEST);
    await fillForm(ORDERS);
    expect(within(preview()).getByLabelText('Trust policy')).toBeInTheDocument();
    const firstPolicy = () =>
      within(preview()).getByLabelText(`Permission policy ${after.rendered.policies[0]?.name}`).textContent;
    expect(firstPolicy()).toBe(canonicalJson(before.rendered.policies[0]?.document));

    typeInto(/^Stream 1 ARN/, PAYMENTS);
    await waitFor(() => expect(firstPolicy()).toBe(canonicalJson(after.rendered.policies[0]?.document)));
    expect(preview().textContent).toContain('stream/payments');
    expect(preview().textContent).not.toContain('stream/orders');

    typeInto(/ClickHouse service role ARN/, 'not-an-arn');
    expect(within(preview()).queryByLabelText('Trust policy')).not.toBeInTheDocument();
    expect(within(preview()).getByText(/^clickhouseRoleArn: /)).toBeInTheDocument();
  });

  it('submits the planned role ARN as its value, so the scaffolder runs its validator', async () => {
    const { plan } = compiled(ORDERS);
    const { onCreate } = await renderScaffolderForm(ONE_PAGE_MANIFEST);
    await fillForm(ORDERS);
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0]?.[0]).toMatchObject({
      name: 'orders',
      clickhouseRoleArn: ROLE,
      streams: [{ arn: ORDERS }],
      preview: plan.role.arn,
    });
  });
});
