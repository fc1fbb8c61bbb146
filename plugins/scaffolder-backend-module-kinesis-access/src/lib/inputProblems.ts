import { InputError } from '@backstage/errors';
import { describeFormProblem, type Problem } from '@kinesis-access/policy-model';

/**
 * Every problem of a `kinesis:access:grant` input in one InputError, so the person fixes them all in one go. Each
 * line names the input field and what was received the way the form fields do (the model's
 * `describeFormProblem`), and the grant file's line when the problem comes from planning it.
 */
export function problemsToInputError(
  problems: readonly Problem[],
  input: unknown,
  grantFile?: string,
): InputError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map(
    (problem) => `  - ${describeFormProblem(problem, input, 'grant', { grantFile })}`,
  );
  return new InputError(`kinesis:access:grant input is not a valid grant (${count}):\n${lines.join('\n')}`);
}
