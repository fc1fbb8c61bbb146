/**
 * How a model problem is shown to the person who filled a form: the Backstage actions' InputErrors and the form
 * fields' messages use this one module, so a field is named the same way, and what was received is cut the same
 * way ({@link describeReceived}), wherever the person sees it.
 *
 * Two forms fill grants: the grant template's parameters are mapped onto a whole grant (`spec.streams[1].arn` is
 * the parameter `streams[1].arn`), and the change template's parameters are a change to an existing grant, whose
 * problems the model already reports against the parameter (`addStreams[0].arn`, `clickhouseRoleArn`).
 */
import { describeReceived } from './problems';
import { templateParameterOfPath } from './template-input';
import type { Problem } from './types';

/** Which template's parameters the person filled: a new grant, or a change to one. */
export type TemplateForm = 'grant' | 'change';

const isGrantFilePath = (path: string): boolean =>
  path === '' || path.startsWith('spec.') || path.startsWith('metadata.');

/**
 * The form parameter a problem belongs to (`streams[1].arn`, `addStreams[0].arn`), or `undefined` for a grant
 * field no parameter fills (for the change form: every field of the grant file the change did not touch).
 */
export function formParameterOfPath(path: string, form: TemplateForm): string | undefined {
  if (form === 'grant') return templateParameterOfPath(path);
  return isGrantFilePath(path) ? undefined : path;
}

/** Where a problem is, as the person reads it: the parameter, else `(grant)` and the grant file's field. */
export function formFieldOfProblem(problem: Problem, form: TemplateForm): string {
  return (
    formParameterOfPath(problem.path, form) ?? (problem.path === '' ? '(grant)' : `(grant) ${problem.path}`)
  );
}

/** Reads `streams[1].arn` / `tags.team` out of the raw form input; `undefined` when any step is missing. */
export function valueAtPath(input: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let value: unknown = input;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** Grant paths quoted inside a grant-form message (`… spec.streams[0] in 123…`) are renamed to parameters too. */
function renameQuotedPaths(message: string, form: TemplateForm): string {
  if (form !== 'grant') return message;
  return message.replace(
    /\b(?:spec|metadata)(?:\.[A-Za-z]+|\[\d+\])+/g,
    (grantPath) => templateParameterOfPath(grantPath) ?? grantPath,
  );
}

/**
 * `<field>: <message>`, as a form field shows a problem beside the value the person is typing (so without repeating
 * what was received); the actions' lines ({@link describeFormProblem}) start the same way.
 */
export function formProblemMessage(problem: Problem, form: TemplateForm): string {
  return `${formFieldOfProblem(problem, form)}: ${renameQuotedPaths(problem.message, form)}`;
}

/** Options of {@link describeFormProblem}. */
export interface FormProblemOptions {
  /** The grant file, to say on which line a problem of the planned grant is (quotas, other grants). */
  readonly grantFile?: string;
}

/**
 * One line per problem: `<field>: <message>`, plus ` (received <value>)` when the problem is about a parameter
 * and the message does not already say what was received, plus ` (<file> line N)` when the model knows the line.
 */
export function describeFormProblem(
  problem: Problem,
  input: unknown,
  form: TemplateForm,
  options: FormProblemOptions = {},
): string {
  const parameter = formParameterOfPath(problem.path, form);
  const received =
    parameter !== undefined && !/\breceived\b/i.test(problem.message)
      ? ` (received ${describeReceived(valueAtPath(input, parameter))})`
      : '';
  const line =
    problem.line !== undefined && options.grantFile !== undefined
      ? ` (${options.grantFile} line ${problem.line})`
      : '';
  return `${formProblemMessage(problem, form)}${received}${line}`;
}
