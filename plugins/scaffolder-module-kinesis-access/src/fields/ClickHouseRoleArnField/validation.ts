import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fieldProblems } from '../../analysis';
import { formAnalysisForValidation } from '../../change/useFormAnalysis';

/** The form data with this field's value in it (the validator gets the value apart from the rest). */
export function withClickHouseRoleArn(formData: unknown, value: string | undefined) {
  return { ...(typeof formData === 'object' && formData !== null ? formData : {}), clickhouseRoleArn: value };
}

/**
 * Adds the policy model's messages for the ClickHouse role ARN, unchanged: `spec.principal.roleArn` of the new
 * grant, or the change's `clickhouseRoleArn` in the change form.
 */
export const clickHouseRoleArnValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  context,
) => {
  const analysis = await formAnalysisForValidation(context, withClickHouseRoleArn(context.formData, value));
  for (const problem of fieldProblems(analysis, 'roleArn')) validation.addError(problem.message);
};
