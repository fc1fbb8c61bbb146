import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GrantPlan } from '@kinesis-access/policy-model';
import type { WorkspaceFile } from './workspaceFiles';

/** Where the grant file goes, relative to the infra repo root. */
export function grantFilePath(name: string): string {
  return `grants/${name}.yaml`;
}

/** Where the review summary goes, relative to the infra repo root. */
export function summaryFilePath(name: string): string {
  return `grants/${name}.summary.md`;
}

// Placeholder until @kinesis-access/cdktf lands: the Terraform step is this one call.
interface CdktfRenderer {
  synthGrants(options: {
    plans: readonly GrantPlan[];
    outDir: string;
    hcl?: boolean;
  }): Promise<{ files: readonly string[] }>;
}

let cdktf: Promise<CdktfRenderer> | undefined;

/** cdktf is loaded on first use only, so adding the module to a backend stays cheap. */
function loadCdktf(): Promise<CdktfRenderer> {
  cdktf ??= import('@kinesis-access/cdktf' as string) as Promise<CdktfRenderer>;
  return cdktf;
}

/**
 * The Terraform for one grant, as files relative to the infra repo root. cdktf synthesises into a private
 * temporary directory (never the workspace) that is removed whatever happens.
 */
export async function renderTerraform(plan: GrantPlan, options: { hcl: boolean }): Promise<WorkspaceFile[]> {
  const { synthGrants } = await loadCdktf();
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kinesis-access-synth-'));
  try {
    const { files } = await synthGrants({ plans: [plan], outDir, hcl: options.hcl });
    return await Promise.all(
      [...files].sort().map(async (file) => {
        const absolute = path.resolve(outDir, file);
        const relative = path.relative(outDir, absolute).split(path.sep).join('/');
        return { path: `cdktf.out/${relative}`, content: await fs.readFile(absolute, 'utf8') };
      }),
    );
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}
