/**
 * @packageDocumentation
 * `@kinesis-access/cdktf/settings`: the settings that shape the generated Terraform (stack layout, state backend,
 * deploy role), without loading cdktf or the AWS provider bindings (only zod). The main entry re-exports all of it.
 * Where files live (`GRANTS_DIR`, `GENERATED_DIR`, stack names) is `@kinesis-access/grant-files`'.
 */
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
