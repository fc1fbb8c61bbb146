import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { analyseFormData, problemsUnder } from '../../analysis';

/** The grant path the ClickHouse role ARN lands on. */
export const CLICKHOUSE_ROLE_ARN_PATH = 'spec.principal.roleArn';

/** The model's problems with the ClickHouse role ARN, given the whole form's data. */
export function clickHouseRoleArnProblems(formData: unknown, value: string | undefined) {
  const data = {
    ...(typeof formData === 'object' && formData !== null ? formData : {}),
    clickhouseRoleArn: value,
  };
  return problemsUnder(analyseFormData(data).problems, CLICKHOUSE_ROLE_ARN_PATH);
}

/** Adds the policy model's messages for `spec.principal.roleArn`, unchanged. */
export const clickHouseRoleArnValidation: CustomFieldValidator<string> = (value, validation, context) => {
  for (const problem of clickHouseRoleArnProblems(context.formData, value))
    validation.addError(problem.message);
};
