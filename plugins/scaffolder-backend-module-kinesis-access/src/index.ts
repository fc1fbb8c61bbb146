/**
 * @packageDocumentation
 * The `kinesis:access:grant`, `kinesis:access:change` and `kinesis:access:revoke` scaffolder actions: a grant file,
 * its Terraform and a review summary; a changed grant with its access diff; a revoked grant's files to delete.
 */
export {
  createKinesisAccessChangeAction,
  type KinesisAccessChangeActionOptions,
} from './actions/kinesisAccessChange';
export {
  createKinesisAccessGrantAction,
  type KinesisAccessGrantActionOptions,
} from './actions/kinesisAccessGrant';
export { createKinesisAccessRevokeAction } from './actions/kinesisAccessRevoke';
export type { TerraformSettings } from './lib/layout';
export { scaffolderModuleKinesisAccess as default } from './module';
