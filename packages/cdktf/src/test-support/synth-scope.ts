import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TerraformStack } from 'cdktf';
import { Testing } from 'cdktf/lib/testing';
import type { Construct } from 'constructs';

// cdktf's `Testing.synthScope` makes a `cdktf.outdir.*` folder per call and never removes it. This does the same
// synthesis with one folder per test file, removed when the file is done, so a test run leaves nothing behind.
let outdir: string | undefined;
afterAll(() => {
  if (outdir !== undefined) fs.rmSync(outdir, { recursive: true, force: true });
  outdir = undefined;
});

/** `Testing.synthScope` without the leftover temp folder: Terraform JSON of a stack built by `fn`. */
export function synthScope(fn: (scope: Construct) => void): string {
  outdir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-cdktf-test-'));
  const stack = new TerraformStack(Testing.app({ outdir }), 'stack');
  fn(stack);
  return Testing.synth(stack);
}
