import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** A step of an example template. */
export interface ExampleStep {
  readonly id: string;
  readonly action: string;
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * One documented example of an action: the action's step with `input`, after the steps it needs (e.g. the
 * fetch:plain that puts the repository into the workspace) and before the ones that use its output.
 */
export function actionExample(
  description: string,
  step: Omit<ExampleStep, 'input'>,
  input: Readonly<Record<string, unknown>>,
  around: { readonly before?: readonly ExampleStep[]; readonly after?: readonly ExampleStep[] } = {},
): TemplateExample {
  return {
    description,
    example: yaml.stringify({
      steps: [...(around.before ?? []), { ...step, input }, ...(around.after ?? [])],
    }),
  };
}

/** fetch:plain of the example infrastructure repository into `targetPath`, as the change and revoke templates do. */
export function fetchInfraRepoStep(targetPath = 'current'): ExampleStep {
  return {
    id: 'fetch',
    action: 'fetch:plain',
    name: 'Read the infrastructure repository',
    input: { url: 'https://github.com/example/infra/tree/main', targetPath },
  };
}
