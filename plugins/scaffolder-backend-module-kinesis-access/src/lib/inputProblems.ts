import { InputError } from '@backstage/errors';
import { type Problem, templateParameterOfPath } from '@kinesis-access/policy-model';

/**
 * The model reports problems against the grant file (`spec.streams[1].arn`); the person filled the action's
 * input (`streams[1].arn`), so that is the name they need to see. The mapping is the model's
 * (`templateParameterOfPath`), shared with the form fields. Fields without an input counterpart keep the
 * grant-file path.
 */
export const toInputPath = templateParameterOfPath;

/** Reads `streams[1].arn` / `tags.team` out of the raw input; `undefined` when any step is missing. */
export function valueAt(input: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+/g) ?? [];
  let value: unknown = input;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 197)}...` : json;
}

/** Grant paths quoted inside a message (`… spec.streams[0] in 123…`) are renamed the same way. */
function renameQuotedPaths(message: string): string {
  return message.replace(
    /\b(?:spec|metadata)(?:\.[A-Za-z]+|\[\d+\])+/g,
    (grantPath) => toInputPath(grantPath) ?? grantPath,
  );
}

/**
 * One line per problem: `<input field>: <message>`, with what was received when the model did not say, and the
 * line of the grant file when the problem comes from planning it (quotas, other grants of the repository).
 */
export function describeProblem(problem: Problem, input: unknown, grantFile?: string): string {
  const inputPath = toInputPath(problem.path);
  const message = renameQuotedPaths(problem.message);
  const field = inputPath ?? (problem.path === '' ? '(grant)' : `(grant) ${problem.path}`);
  const saysReceived = /\breceived\b/i.test(message);
  const received =
    inputPath !== undefined && !saysReceived
      ? ` (received ${describeReceived(valueAt(input, inputPath))})`
      : '';
  const line =
    problem.line !== undefined && grantFile !== undefined ? ` (${grantFile} line ${problem.line})` : '';
  return `${field}: ${message}${received}${line}`;
}

/** Every problem in one InputError, so the person fixes them all in one go. */
export function problemsToInputError(
  problems: readonly Problem[],
  input: unknown,
  grantFile?: string,
): InputError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  - ${describeProblem(problem, input, grantFile)}`);
  return new InputError(`kinesis:access:grant input is not a valid grant (${count}):\n${lines.join('\n')}`);
}
