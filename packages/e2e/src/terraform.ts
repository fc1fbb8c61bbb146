import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `terraform init -backend=false` and `terraform validate` in `stackDir`, offline: providers come from the
 * filesystem mirror ($KINESIS_ACCESS_TF_MIRROR, else /opt/tf-plugins when it exists), as in the cdktf tests.
 * Returns validate's JSON report. Throws with terraform's output when a command fails.
 */
export async function terraformValidate(stackDir: string, workDir: string): Promise<{ valid: boolean }> {
  const mirror =
    process.env.KINESIS_ACCESS_TF_MIRROR || (existsSync('/opt/tf-plugins') ? '/opt/tf-plugins' : undefined);
  mkdirSync(workDir, { recursive: true });
  const rc = path.join(workDir, 'terraformrc');
  writeFileSync(
    rc,
    [
      ...(mirror
        ? ['provider_installation {', `  filesystem_mirror { path = ${JSON.stringify(mirror)} }`, '}']
        : []),
      'disable_checkpoint = true',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const terraform = process.env.KINESIS_ACCESS_TERRAFORM || 'terraform';
  const exec = async (args: string[]) => {
    try {
      return await run(terraform, [`-chdir=${stackDir}`, ...args], { env, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as Error & { stdout?: string; stderr?: string };
      throw new Error(
        `terraform ${args.join(' ')} failed in ${stackDir}: ${e.message}\n${e.stderr}\n${e.stdout}`,
      );
    }
  };
  await exec(['init', '-backend=false', '-input=false', '-no-color']);
  const { stdout } = await exec(['validate', '-json', '-no-color']);
  return JSON.parse(stdout) as { valid: boolean };
}
