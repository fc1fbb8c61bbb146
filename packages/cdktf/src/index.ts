/**
 * @packageDocumentation
 * @kinesis-access/cdktf: renders the policy model's grant plans as Terraform with CDKTF. No IAM knowledge lives
 * here: the construct maps a {@link GrantPlan}'s role, trust policy, managed policies, resource policies and
 * optional IAM user onto AWS provider resources. Deep imports only (`@cdktf/provider-aws/lib/...`).
 */
import './preload';

export { type CreateGrantsAppOptions, createGrantsApp, GrantsDirectoryError } from './app';
export { type RenderedFiles, type RenderFilesOptions, renderFiles } from './format';
export { checkFreshness, type FreshnessOptions, type FreshnessReport } from './freshness';
export { KinesisAccessGrant, type KinesisAccessGrantProps, terraformIdentifier } from './grant';
export { type RenderedStack, type RenderOptions, renderStacks } from './render';
export {
  type BackendConfig,
  DEFAULT_LOCAL_STATE_PATH,
  DEFAULT_S3_KEY_PREFIX,
  DEFAULT_SETTINGS,
  type LocalBackendConfig,
  type ResolveSettingsInput,
  resolveSettings,
  type S3BackendConfig,
  SETTINGS_CONTEXT_KEY,
  SETTINGS_ENV,
  SettingsError,
  type SynthSettings,
} from './settings';
export {
  addGrantStacks,
  groupPlans,
  KinesisAccessStack,
  type KinesisAccessStackProps,
  LayoutError,
  localStatePath,
  s3StateKey,
} from './stack';
export { findTerraform, runTerraform, type TerraformRun, terraformEnv } from './terraform-cli';
export { stableJson } from './terraform-json';
export { listGeneratedFiles, type SynthGrantsOptions, type SynthGrantsResult, synthGrants } from './write';
