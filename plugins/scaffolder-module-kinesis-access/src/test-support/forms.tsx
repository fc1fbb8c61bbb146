import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldExtensionComponentProps, FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { Stepper, type StepperProps } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp, TestApiProvider, type TestApiProviderProps } from '@backstage/test-utils';
import type { JsonObject, JsonValue } from '@backstage/types';
import { fireEvent, type RenderResult, screen } from '@testing-library/react';
import { parse } from 'yaml';
import { kinesisAccessFieldExtensionOptions } from '../fields/extensions';

/** The real templates this package's fields are made for. */
export const TEMPLATE_PATH = join(
  __dirname,
  '../../../../templates/grant-clickpipes-kinesis-access/template.yaml',
);
export const CHANGE_TEMPLATE_PATH = join(
  __dirname,
  '../../../../templates/change-kinesis-access/template.yaml',
);

export interface Manifest {
  readonly title: string;
  readonly steps: { readonly title: string; readonly schema: JsonObject }[];
}

/** A template's parameter pages as the scaffolder hands them to its form (`TemplateParameterSchema`). */
export function templateManifest(templatePath = TEMPLATE_PATH): Manifest {
  const template = parse(readFileSync(templatePath, 'utf8'));
  return {
    title: template.metadata.title,
    steps: template.spec.parameters.map((page: JsonObject) => ({ title: String(page.title), schema: page })),
  };
}

/** A one-page form with the three fields, named like the template's parameters. */
export const ONE_PAGE_MANIFEST: Manifest = {
  title: 'Kinesis access',
  steps: [
    {
      title: 'Grant',
      schema: {
        type: 'object',
        required: ['name', 'clickhouseRoleArn', 'streams'],
        properties: {
          name: { title: 'Grant name', type: 'string' },
          clickhouseRoleArn: {
            title: 'ClickHouse service role ARN',
            type: 'string',
            'ui:field': 'ClickHouseRoleArnField',
          },
          streams: {
            title: 'Streams',
            type: 'array',
            'ui:field': 'KinesisStreamsField',
            items: { type: 'object', properties: { arn: { type: 'string' }, kmsKeyArn: { type: 'string' } } },
          },
          roleName: { title: 'Role name', type: 'string' },
          preview: { title: 'What will be granted', type: 'string', 'ui:field': 'KinesisAccessPreview' },
        },
      },
    },
  ],
};

/**
 * Stand-in for the scaffolder's RepoUrlPicker (it needs SCM integrations and a backend): a plain text input
 * for `repoUrl`, so the template's last page can be filled in.
 */
function RepoUrlStandIn(props: FieldExtensionComponentProps<string>) {
  return (
    <input
      aria-label="Infrastructure repository"
      value={props.formData ?? ''}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
export const repoUrlStandIn: FieldExtensionOptions<string> = {
  name: 'RepoUrlPicker',
  component: RepoUrlStandIn,
};

/** Render the scaffolder's own form (`Stepper`) with these field extensions, inside a Backstage test app. */
export async function renderScaffolderForm(
  manifest: Manifest,
  options: {
    initialState?: Record<string, JsonValue>;
    extraExtensions?: StepperProps['extensions'];
    /** APIs the form needs besides the test app's (the change form's discovery and fetch APIs). */
    apis?: TestApiProviderProps<unknown[]>['apis'];
  } = {},
): Promise<RenderResult & { onCreate: jest.Mock<Promise<void>, [Record<string, JsonValue>]> }> {
  const onCreate = jest.fn(async (_values: Record<string, JsonValue>) => {});
  const stepper = (
    <Stepper
      manifest={manifest}
      extensions={[...kinesisAccessFieldExtensionOptions, ...(options.extraExtensions ?? [])]}
      onCreate={onCreate}
      initialState={options.initialState}
    />
  );
  const rendered = await renderInTestApp(
    options.apis ? <TestApiProvider apis={options.apis}>{stepper}</TestApiProvider> : stepper,
  );
  return { ...rendered, onCreate };
}

/**
 * A real template's form (its parameter pages, with the RepoUrlPicker stand-in), as {@link renderScaffolderForm}
 * renders it.
 */
export async function renderTemplateForm(
  templatePath = TEMPLATE_PATH,
  options: Omit<Parameters<typeof renderScaffolderForm>[1] & object, 'extraExtensions'> = {},
): ReturnType<typeof renderScaffolderForm> {
  return await renderScaffolderForm(templateManifest(templatePath), {
    ...options,
    extraExtensions: [repoUrlStandIn],
  });
}

/** Type into a text input found by its label, the way a person does (one change event with the new value). */
export function typeInto(label: string | RegExp, value: string): HTMLElement {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  return input;
}

/**
 * rjsf logs `Form validation failed` with its error list when a page is refused, because the scaffolder's Stepper
 * gives its form no `onError`. A test that expects a refusal collects those lists here, so it can check them
 * instead of printing them; every other console.error still prints. Call `restore` when done.
 */
export function collectFormValidationFailures(): { readonly failures: unknown[]; restore(): void } {
  const failures: unknown[] = [];
  const print = console.error.bind(console);
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args[0] === 'Form validation failed') failures.push(args[1]);
    else print(...args);
  });
  return { failures, restore: () => spy.mockRestore() };
}
