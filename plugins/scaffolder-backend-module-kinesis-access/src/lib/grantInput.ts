import type { GrantTemplateInput } from '@kinesis-access/policy-model';

/**
 * The action's input as the runner passes it: raw JSON, no zod defaults applied. The grant-making part is the
 * policy model's `GrantTemplateInput` (shared with the form fields, mapped by `grantFromTemplateInput`); the
 * action adds where to write.
 */
export interface GrantActionInput extends GrantTemplateInput {
  /** Folder of the infra repo inside the workspace. @default '.' */
  readonly targetPath?: string;
}

/** @default targetPath: the workspace root is the infra repo root. */
export const DEFAULT_TARGET_PATH = '.';
