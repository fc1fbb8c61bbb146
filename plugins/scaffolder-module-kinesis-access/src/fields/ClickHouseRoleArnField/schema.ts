import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { formModeOption } from '../formMode';

/** `ClickHouseRoleArnField` returns the ARN as a string (the `clickhouseRoleArn` parameter). */
export const ClickHouseRoleArnFieldSchema = makeFieldSchema({
  output: (z) =>
    z.string().describe('ARN of the ClickHouse Cloud service role that will assume the new role'),
  uiOptions: formModeOption,
});

export type ClickHouseRoleArnFieldProps = typeof ClickHouseRoleArnFieldSchema.TProps;
