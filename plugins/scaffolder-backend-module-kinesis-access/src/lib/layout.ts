import path from 'node:path';
import type { BackendConfig } from '@kinesis-access/cdktf/settings';
import { GENERATED_DIR, GRANTS_DIR, stackDirectory, stackNameFor } from '@kinesis-access/grant-files';
import type { GrantPlan } from '@kinesis-access/policy-model';
import type { WorkspaceFile } from './workspaceFiles';

/**
 * Terraform settings of the infrastructure repository. They must be the ones its own `kinesis-access synth`
 * uses, or the repository's freshness check will see the action's files as stale.
 */
export interface TerraformSettings {
  /** State backend of each grant's stack. @default - local state (`state/<stack>.tfstate`) */
  readonly backend?: BackendConfig;
  /** Role the AWS provider assumes (`{accountId}`, `{partition}` placeholders). @default - none */
  readonly deployRoleArn?: string;
  /** Terraform native syntax (`cdk.tf`) instead of JSON (`cdk.tf.json`). @default false */
  readonly hcl?: boolean;
}

type Cdktf = typeof import('@kinesis-access/cdktf');
let cdktf: Cdktf | undefined;

/**
 * `@kinesis-access/cdktf` (cdktf, constructs, the AWS provider's IAM classes) is loaded on the first run of the
 * action, not when a Backstage backend loads the module: most backend processes never run this action.
 */
function loadCdktf(): Cdktf {
  cdktf ??= require('@kinesis-access/cdktf') as Cdktf;
  return cdktf;
}

/** Where the grant file goes, relative to the infra repo root (GRANTS_DIR, where `synth` reads). */
export function grantFilePath(name: string): string {
  return `${GRANTS_DIR}/${name}.yaml`;
}

/** Where the review summary goes: beside the grant (synth and check read only `*.yaml` / `*.yml`). */
export function summaryFilePath(name: string): string {
  return `${GRANTS_DIR}/${name}.md`;
}

/**
 * The Terraform for one grant, as files relative to the infra repo root: exactly the file a full
 * `kinesis-access synth` of the repository writes for this grant (one stack per grant, under GENERATED_DIR).
 * Byte-identical to what synth writes (its freshness check compares bytes). Rendered in memory: no temporary
 * directory, no process-global environment. Warnings (e.g. HCL left unformatted without terraform) are returned.
 */
export async function renderTerraform(
  plan: GrantPlan,
  settings: TerraformSettings,
): Promise<{ files: WorkspaceFile[]; warnings: readonly string[] }> {
  const { renderFiles } = loadCdktf();
  const { stacks, warnings } = await renderFiles([plan], {
    layout: 'grant',
    backend: settings.backend,
    deployRoleArn: settings.deployRoleArn,
    hcl: settings.hcl ?? false,
  });
  const files = stacks.map((stack) => ({
    path: path.posix.join(GENERATED_DIR, stack.file),
    content: stack.content,
  }));
  return { files, warnings };
}

/** The directory of a grant's generated stack (one stack per grant), relative to the infra repo root. */
export function generatedStackDirectory(plan: GrantPlan): string {
  return path.posix.join(GENERATED_DIR, stackDirectory(stackNameFor(plan, 'grant')));
}
