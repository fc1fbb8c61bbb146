/**
 * @packageDocumentation
 * `@kinesis-access/cdktf/settings`: the settings that shape the generated Terraform (stack layout, state backend,
 * deploy role) and where the files live, without loading cdktf or the AWS provider bindings (only zod). The main
 * entry re-exports all of it.
 */
export {
  GENERATED_DIR,
  GRANTS_DIR,
  type StackLayout,
  stackDirectory,
  stackNameFor,
} from './layout';
export {
  type BackendConfig,
  type LocalBackendConfig,
  type ResolveSettingsInput,
  resolveSettings,
  type S3BackendConfig,
  SETTINGS_CONTEXT_KEY,
  SETTINGS_ENV,
  SettingsError,
  type SynthSettings,
} from './settings';
