import type { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The zod the scaffolder hands to a field schema. */
type Zod = Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0];

/**
 * The `ui:options` every field of this package takes: `mode: change` in the "Change Kinesis access" template,
 * where the form describes a change (its `repoUrl`, `baseBranch` and `name` parameters say which grant of the
 * infrastructure repository); without it, a new grant.
 *
 * The return type is spelled through `Zod`: inferred, it names `zod/v3`, which this package does not depend on, and
 * a fresh install (zod 4's `zod/v3` under Backstage) fails the declaration build with TS2742.
 */
export const formModeOption = (zod: Zod): ReturnType<Zod['object']> =>
  zod.object({
    mode: zod
      .enum(['grant', 'change'])
      .optional()
      .describe('change: the form changes the grant its repoUrl, baseBranch and name parameters name'),
  });

/** The `ui:options` of every field of this package (see {@link formModeOption}). */
export interface KinesisAccessFieldUiOptions {
  /** `change` in the "Change Kinesis access" template; a new grant when left out. */
  readonly mode?: 'grant' | 'change';
}
