/**
 * @packageDocumentation
 * Finding, reading and planning grant files on disk, and the checks that only show across files (duplicate grant
 * names, IAM role and user names, one owner per stream resource policy), plus where things live in an
 * infrastructure repository. The `kinesis-access` CLI, the cdktf app and the Backstage actions all read grants
 * through {@link loadGrants}, so they accept and refuse exactly the same files. File work only: every IAM decision
 * (validation, names, quotas) comes from `@kinesis-access/policy-model`.
 */
import './preload';

export { type FileProblems, GRANT_FILE_EXTENSIONS, type GrantFile } from './collect';
export { type DeferredShape, deferModule } from './defer';
export {
  type GrantSet,
  type LoadedGrants,
  type LoadedPlan,
  type LoadGrantsOptions,
  loadGrants,
  loadGrantsDirectory,
  problemLines,
  type ValidGrant,
} from './grants';
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
} from './layout';
export { type LoadedGrant, loadGrant } from './load';
