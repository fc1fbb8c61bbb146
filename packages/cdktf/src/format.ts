/** Rendered HCL formatted by `terraform fmt` when terraform is installed ({@link renderFiles}); JSON needs none. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GrantPlan } from '@kinesis-access/policy-model';
import { type RenderedStack, type RenderOptions, renderStacks } from './render';
import { findTerraform, runTerraform, terraformEnv } from './terraform-cli';

export interface RenderFilesOptions extends RenderOptions {
  /** Environment used to find terraform for `fmt` (HCL only). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RenderedFiles {
  readonly stacks: readonly RenderedStack[];
  readonly warnings: readonly string[];
}

/** {@link renderStacks}, with HCL formatted by `terraform fmt` when terraform is installed. */
export async function renderFiles(
  plans: readonly GrantPlan[],
  options: RenderFilesOptions = {},
): Promise<RenderedFiles> {
  const stacks = renderStacks(plans, options);
  if (!options.hcl || stacks.length === 0) return { stacks, warnings: [] };
  const env = options.env ?? process.env;
  const terraform = findTerraform(env);
  if (terraform === undefined) {
    return {
      stacks,
      warnings: [
        'terraform is not installed: HCL written unformatted (install terraform for `terraform fmt` output)',
      ],
    };
  }
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kinesis-access-fmt-'));
  try {
    const names = stacks.map((_stack, i) => `${i}.tf`);
    await Promise.all(stacks.map((s, i) => fs.promises.writeFile(path.join(tmp, `${i}.tf`), s.content)));
    const run = await runTerraform(terraform, ['fmt', '-list=false', ...names], {
      cwd: tmp,
      env: terraformEnv(env),
    });
    if (run.code !== 0) throw new Error(`terraform fmt failed on the generated HCL:\n${run.stderr}`);
    const formatted = await Promise.all(names.map((n) => fs.promises.readFile(path.join(tmp, n), 'utf8')));
    return { stacks: stacks.map((s, i) => ({ ...s, content: formatted[i] ?? s.content })), warnings: [] };
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}
