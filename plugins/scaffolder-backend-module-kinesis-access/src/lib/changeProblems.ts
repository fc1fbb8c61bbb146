import { InputError } from '@backstage/errors';
import { describeFormProblem, type Problem } from '@kinesis-access/policy-model';

/**
 * Problems of a change (the model's `changeGrant` names the change input field: `addStreams[1].arn`,
 * `kmsKeys[0].kmsKeyArn`, `clickhouseRoleArn`; or the grant file field it did not touch) as one InputError, each
 * line as the change form's fields show it (the model's `describeFormProblem`).
 */
export function changeProblemsToInputError(
  actionId: string,
  problems: readonly Problem[],
  input: unknown,
): InputError {
  const lines = problems.map((problem) => `  - ${describeFormProblem(problem, input, 'change')}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new InputError(`${actionId} input cannot be applied (${count}):\n${lines.join('\n')}`);
}
