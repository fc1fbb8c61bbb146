import type { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The zod the scaffolder hands to a field schema. */
type Zod = Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0];

/**
 * The `ui:options` every field of this package takes: `mode: change` in the "Change Kinesis access" template,
 * where the form describes a change (its `repoUrl`, `baseBranch` and `name` parameters say which grant of the
 * infrastructure repository); without it, a new grant.
 */
export const formModeOption = (zod: Zod) =>
  zod.object({
    mode: zod
      .enum(['grant', 'change'])
      .optional()
      .describe('change: the form changes the grant its repoUrl, baseBranch and name parameters name'),
  });
