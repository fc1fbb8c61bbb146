import type { Problem } from '@kinesis-access/policy-model';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { analyseFormData, problemsUnder } from '../../analysis';
import { templateParameterOfPath } from '../../grantInput';
import { CLICKHOUSE_ROLE_ARN_PATH } from '../ClickHouseRoleArnField/validation';
import { STREAMS_PATH } from '../KinesisStreamsField/validation';

/** A model problem named by the form parameter it comes from: `roleName: <message>`. */
export function labelGrantProblem(problem: Problem): string {
  const where = templateParameterOfPath(problem.path) ?? (problem.path === '' ? 'grant' : problem.path);
  return `${where}: ${problem.message}`;
}

/**
 * Problems the preview is responsible for: everything the model reports that the ClickHouse role ARN and streams
 * fields do not already show (grant name, role name, boundary, quotas, …).
 */
export function previewProblems(formData: unknown): Problem[] {
  const { problems } = analyseFormData(formData);
  const shownByFields = new Set([
    ...problemsUnder(problems, CLICKHOUSE_ROLE_ARN_PATH),
    ...problemsUnder(problems, STREAMS_PATH),
  ]);
  return problems.filter((p) => !shownByFields.has(p));
}

/** Blocks the step while the model cannot plan the grant for reasons the other fields do not report. */
export const kinesisAccessPreviewValidation: CustomFieldValidator<string | undefined> = (
  _value,
  validation,
  context,
) => {
  for (const problem of previewProblems(context.formData)) validation.addError(labelGrantProblem(problem));
};
