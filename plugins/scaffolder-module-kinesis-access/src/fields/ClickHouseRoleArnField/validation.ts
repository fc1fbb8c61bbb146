import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fieldValidator } from '../../change/useFormAnalysis';

/**
 * Adds the policy model's messages for the ClickHouse role ARN, unchanged: `spec.principal.roleArn` of the new
 * grant, or the change's `clickhouseRoleArn` in the change form.
 */
export const clickHouseRoleArnValidation: CustomFieldValidator<string> = fieldValidator<string>(
  'roleArn',
  (problem) => problem.message,
);
