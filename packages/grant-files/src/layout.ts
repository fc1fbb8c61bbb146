/**
 * Where things live, relative to an infrastructure repository's root (see docs/stack-layout.md).
 *
 * The CLI (`kinesis-access synth` / `verify`), the cdktf app and the Backstage actions all use these, so the
 * files a pull request adds are exactly the files a full synth or the freshness check expects.
 */
import type { GrantPlan } from '@kinesis-access/policy-model';

/** Grant files (`*.yaml`), relative to the repository root. */
export const GRANTS_DIR = 'grants';

/**
 * The committed, generated Terraform (the `--out` of `kinesis-access synth`), relative to the repository root.
 * It has the same shape as cdktf's own `cdktf.out` (`stacks/<stack>/cdk.tf.json`) minus `manifest.json`, so a
 * stack's relative paths (the local state path) mean the same in both places.
 */
export const GENERATED_DIR = 'generated';

/** cdktf's working output directory (`cdktf synth/diff/deploy`); never committed. */
export const CDKTF_OUT_DIR = 'cdktf.out';

/** Sub-directory of an output directory that holds one directory per stack. */
export const STACKS_DIR = 'stacks';

/** The file cdktf writes per stack (Terraform JSON syntax). */
export const STACK_JSON_FILE = 'cdk.tf.json';

/** The file written per stack with `--hcl` (Terraform native syntax, `terraform fmt`-formatted). */
export const STACK_HCL_FILE = 'cdk.tf';

/** How grants are grouped into Terraform stacks (one state file each). */
export type StackLayout = 'grant' | 'account';

/** The layout every tool uses unless configured otherwise (see docs/stack-layout.md for the measurements). */
export const DEFAULT_STACK_LAYOUT: StackLayout = 'grant';

/** Stack name of an account stack (`account` layout). */
export function accountStackName(accountId: string): string {
  return `account-${accountId}`;
}

/** Name of the stack that holds a grant. In the `grant` layout it is the grant's `metadata.name`. */
export function stackNameFor(plan: Pick<GrantPlan, 'grantName' | 'accountId'>, layout: StackLayout): string {
  return layout === 'grant' ? plan.grantName : accountStackName(plan.accountId);
}

/** Directory of a stack, relative to an output directory (POSIX separators). */
export function stackDirectory(stackName: string): string {
  return `${STACKS_DIR}/${stackName}`;
}

/** The generated file of a stack, relative to an output directory (POSIX separators). */
export function stackFile(stackName: string, hcl = false): string {
  return `${stackDirectory(stackName)}/${hcl ? STACK_HCL_FILE : STACK_JSON_FILE}`;
}
