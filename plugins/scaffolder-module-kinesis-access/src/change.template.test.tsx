/**
 * The "Change Kinesis access" template's form (templates/change-kinesis-access/template.yaml) in the scaffolder's
 * own Stepper, with this package's fields in `mode: change`.
 *
 * STAND-IN: the Backstage backend is not running in jsdom, so the app's fetch API answers the one route the fields
 * call (GET <scaffolder>/kinesis-access/current-grant) the way the backend module does, from examples/infra-repo's
 * grant file. The real route, with a real backend reading a repository, is tested in the backend module
 * (lifecycle.integration.test.ts) and in the browser (packages/e2e, change-revoke.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiHolder, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { parseGrantYaml } from '@kinesis-access/policy-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { kinesisStreamsValidation } from './fields/KinesisStreamsField';
import {
  CHANGE_TEMPLATE_PATH,
  collectFormValidationFailures,
  renderTemplateForm,
  templateManifest,
  typeInto,
} from './test-support/forms';

const GRANT_FILE = 'grants/clickpipes-orders.yaml';
const grantText = readFileSync(join(__dirname, '../../../examples/infra-repo', GRANT_FILE), 'utf8');
const parsed = parseGrantYaml(grantText);
if (!parsed.ok) throw new Error(`examples/infra-repo/${GRANT_FILE} is not valid`);
const GRANT = parsed.value;
const CURRENT_ROLE = GRANT.spec.principal.roleArn;
const CURRENT_STREAM = GRANT.spec.streams[0]?.arn ?? '';
const NEW_STREAM = 'arn:aws:kinesis:us-east-1:123456789012:stream/returns';
const NEW_ROLE = 'arn:aws:iam::444455556666:role/CH-S3-new-service-Role';

/** What the stand-in backend was asked: the query of each request. */
const asked: Record<string, string>[] = [];

/** A JSON answer (jsdom has no `Response`); the fields read only these members. */
const json = (body: unknown, status = 200) =>
  ({
    ok: status < 400,
    status,
    statusText: status < 400 ? 'OK' : 'Bad Request',
    json: async () => body,
  }) as Response;

/** The backend module's route, answered from the example grant (see the file comment). */
async function backendStandIn(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input));
  const query = Object.fromEntries(url.searchParams);
  asked.push(query);
  if (url.pathname !== '/api/scaffolder/kinesis-access/current-grant') throw new Error(`unexpected ${url}`);
  if (query.name === GRANT.metadata.name) return json({ file: GRANT_FILE, grant: GRANT });
  return json(
    {
      error: {
        name: 'InputError',
        message: `kinesis-access current-grant: name: no grant named "${query.name}" under github.com/acme/infrastructure (main)/grants, received "${query.name}" (grants there: ${GRANT.metadata.name})`,
      },
    },
    400,
  );
}

const apis = [
  [discoveryApiRef, { getBaseUrl: async (plugin: string) => `http://backstage.test/api/${plugin}` }],
  [fetchApiRef, { fetch: backendStandIn }],
] as const;

let repoCounter = 0;
/** A repository of its own per test: the fields remember each grant they read for the life of the page. */
const freshRepoUrl = () => {
  repoCounter += 1;
  return `github.com?owner=acme&repo=infrastructure-${repoCounter}`;
};

async function fillFirstPage(repoUrl: string, name: string) {
  const rendered = await renderTemplateForm(CHANGE_TEMPLATE_PATH, { apis });
  typeInto('Infrastructure repository', repoUrl);
  typeInto(/Grant name/, name);
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByLabelText(/^Stream 1 ARN/);
  return rendered;
}

beforeEach(() => {
  asked.length = 0;
});

describe('the change-kinesis-access template with the form fields', () => {
  it('puts the fields, in change mode, on the parameters the change action reads', () => {
    const properties = Object.assign(
      {},
      ...templateManifest(CHANGE_TEMPLATE_PATH).steps.map(
        (step) => step.schema.properties as Record<string, Record<string, unknown>>,
      ),
    );
    for (const [parameter, field] of [
      ['addStreams', 'KinesisStreamsField'],
      ['clickhouseRoleArn', 'ClickHouseRoleArnField'],
      ['preview', 'KinesisAccessPreview'],
    ] as const) {
      expect(properties[parameter]?.['ui:field']).toBe(field);
      expect(properties[parameter]?.['ui:options']).toEqual({ mode: 'change' });
    }
  });

  it('previews the access diff against the grant read from the repository, then submits the change', async () => {
    const repoUrl = freshRepoUrl();
    const { onCreate } = await fillFirstPage(repoUrl, GRANT.metadata.name);
    typeInto(/^Stream 1 ARN/, NEW_STREAM);
    typeInto(/New ClickHouse service role ARN/, NEW_ROLE);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const diff = await screen.findByTestId('preview-access-diff');
    await waitFor(() => expect(diff.textContent).toContain(`Access changes: ${GRANT.metadata.name}`));
    expect(diff.textContent).toContain(`may now assume it: ${NEW_ROLE}`);
    expect(diff.textContent).toContain(`may no longer assume it: ${CURRENT_ROLE}`);
    expect(diff.textContent).toContain(NEW_STREAM);
    expect(diff.textContent).toContain('kinesis:GetRecords');
    // Below the diff: what the changed grant creates, both streams in its policies.
    const policies = screen.getByTestId('preview-permission-policies');
    expect(policies.textContent).toContain(CURRENT_STREAM);
    expect(policies.textContent).toContain(NEW_STREAM);
    // The grant was read once, by the query the template names, for every field and validator of the page.
    expect(asked).toEqual([{ repoUrl, branch: 'main', name: GRANT.metadata.name }]);

    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    // The submitted values are what the change action reads; the preview's own value is the role ARN.
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0]?.[0]).toMatchObject({
      repoUrl,
      baseBranch: 'main',
      name: GRANT.metadata.name,
      addStreams: [{ arn: NEW_STREAM }],
      clickhouseRoleArn: NEW_ROLE,
      preview: `arn:aws:iam::123456789012:role/ClickHouseAccessRole-${GRANT.metadata.name}`,
    });
  });

  it('shows the model message for a stream already in the grant on its row, and blocks the page', async () => {
    await fillFirstPage(freshRepoUrl(), GRANT.metadata.name);
    const row = typeInto(/^Stream 1 ARN/, CURRENT_STREAM);
    const cell = row.closest('[data-testid="stream-row-0"]') as HTMLElement;
    await waitFor(() => expect(within(cell).getByText(/already/)).toBeInTheDocument());
    expect(within(cell).getByText(/already/).textContent).toContain(GRANT.metadata.name);

    const rjsf = collectFormValidationFailures();
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByText(/^Stream 1 ARN: .*already/);
    } finally {
      rjsf.restore();
    }
    expect(screen.queryByTestId('kinesis-access-preview')).not.toBeInTheDocument();
  });

  it('says why when the repository has no grant of that name, and does not let the change be reviewed', async () => {
    await fillFirstPage(freshRepoUrl(), 'no-such-grant');
    typeInto(/^Stream 1 ARN/, NEW_STREAM);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const problems = await screen.findByTestId('preview-problems');
    await waitFor(() =>
      expect(problems.textContent).toContain(
        'The current grant could not be read: name: no grant named "no-such-grant"',
      ),
    );
    expect(problems.textContent).toContain(`(grants there: ${GRANT.metadata.name})`);
    const rjsf = collectFormValidationFailures();
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Review' }));
      await waitFor(() =>
        expect(screen.getAllByText(/The current grant could not be read/).length).toBeGreaterThan(1),
      );
    } finally {
      rjsf.restore();
    }
    expect(screen.queryByRole('button', { name: 'Create' })).not.toBeInTheDocument();
  });

  it('validates added streams against the current grant when the scaffolder runs the field validator', async () => {
    const apiHolder: ApiHolder = {
      get: ((ref: { id: string }) => apis.find(([r]) => r.id === ref.id)?.[1]) as ApiHolder['get'],
    };
    const run = async (value: { arn: string }[]) => {
      const validation = createFieldValidation();
      await kinesisStreamsValidation(value, validation, {
        apiHolder,
        formData: { repoUrl: freshRepoUrl(), name: GRANT.metadata.name },
        schema: {},
        uiSchema: { 'ui:options': { mode: 'change' } },
      });
      return validation.__errors ?? [];
    };
    expect(await run([{ arn: NEW_STREAM }])).toEqual([]);
    const foreign = await run([{ arn: 'arn:aws:kinesis:us-east-1:999999999999:stream/elsewhere' }]);
    expect(foreign).toEqual([expect.stringMatching(/^Stream 1 ARN: .*999999999999/)]);
  });
});
