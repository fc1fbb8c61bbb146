/** The freshness check (`kinesis-access verify`): committed generated Terraform against a fresh in-memory render. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodeUnits, type GrantPlan } from '@kinesis-access/policy-model';
import { type RenderFilesOptions, renderFiles } from './format';
import { listGeneratedFiles } from './write';

/** Options of {@link checkFreshness}. */
export interface FreshnessOptions extends RenderFilesOptions {
  readonly plans: readonly GrantPlan[];
  /** The directory that holds the committed generated Terraform. */
  readonly outDir: string;
}

/** Result of {@link checkFreshness}; all paths relative to outDir. */
export interface FreshnessReport {
  readonly ok: boolean;
  /** Every file a fresh synth produces (sorted). */
  readonly files: string[];
  /** Expected files that are not committed. */
  readonly missing: string[];
  /** Committed files whose content differs from a fresh synth. */
  readonly stale: string[];
  /** Committed stack files that no grant produces any more. */
  readonly extra: string[];
  readonly warnings: string[];
}

/** Compare the generated Terraform under outDir with a fresh in-memory synth (like `terraform fmt -check`). */
export async function checkFreshness(options: FreshnessOptions): Promise<FreshnessReport> {
  const { stacks, warnings } = await renderFiles(options.plans, options);
  const missing: string[] = [];
  const stale: string[] = [];
  for (const stack of stacks) {
    let current: string;
    try {
      current = await fs.promises.readFile(path.join(options.outDir, ...stack.file.split('/')), 'utf8');
    } catch {
      missing.push(stack.file);
      continue;
    }
    if (current !== stack.content) stale.push(stack.file);
  }
  const expected = new Set(stacks.map((s) => s.file));
  const extra = (await listGeneratedFiles(options.outDir)).filter((f) => !expected.has(f));
  return {
    ok: missing.length === 0 && stale.length === 0 && extra.length === 0,
    files: [...expected].sort(compareCodeUnits),
    missing: missing.sort(compareCodeUnits),
    stale: stale.sort(compareCodeUnits),
    extra,
    warnings: [...warnings],
  };
}
