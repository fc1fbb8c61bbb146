import { InputError } from '@backstage/errors';
import type { Problem } from '@kinesis-access/policy-model';
import { valueAt } from './inputProblems';

function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 197)}...` : json;
}

/**
 * Problems of a change (the model's `changeGrant` names the change input field: `addStreams[1].arn`,
 * `kmsKeys[0].kmsKeyArn`, `clickhouseRoleArn`; or the grant file field it did not touch) as one InputError, each
 * with what was received when the message does not say.
 */
export function changeProblemsToInputError(
  actionId: string,
  problems: readonly Problem[],
  input: unknown,
): InputError {
  const lines = problems.map((problem) => {
    const field =
      problem.path === ''
        ? '(grant)'
        : problem.path.startsWith('spec.')
          ? `(grant) ${problem.path}`
          : problem.path;
    const isInput =
      problem.path !== '' && !problem.path.startsWith('spec.') && !problem.path.startsWith('metadata.');
    const received =
      isInput && !/\breceived\b/i.test(problem.message)
        ? ` (received ${describeReceived(valueAt(input, problem.path))})`
        : '';
    return `  - ${field}: ${problem.message}${received}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new InputError(`${actionId} input cannot be applied (${count}):\n${lines.join('\n')}`);
}
