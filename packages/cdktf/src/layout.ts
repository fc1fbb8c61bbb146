/**
 * Where things live in an infrastructure repository: defined in `@kinesis-access/grant-files` (the CLI, this app
 * and the Backstage actions share them), re-exported here for this package's own modules and users.
 */
export {
  accountStackName,
  CDKTF_OUT_DIR,
  DEFAULT_STACK_LAYOUT,
  GENERATED_DIR,
  GRANTS_DIR,
  STACK_HCL_FILE,
  STACK_JSON_FILE,
  STACKS_DIR,
  type StackLayout,
  stackDirectory,
  stackFile,
  stackNameFor,
} from '@kinesis-access/grant-files';
