/**
 * @packageDocumentation
 * The `kinesis:access:grant` scaffolder action: a kinesis-access grant file, its Terraform and a review summary.
 */
export {
  createKinesisAccessGrantAction,
  type KinesisAccessGrantActionOptions,
} from './actions/kinesisAccessGrant';
export type { TerraformSettings } from './lib/layout';
export { scaffolderModuleKinesisAccess as default } from './module';
