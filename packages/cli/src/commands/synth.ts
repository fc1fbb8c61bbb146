import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadGrants, problemLines } from '@kinesis-access/grant-files';
import type { GrantPlan } from '@kinesis-access/policy-model';
import type { Command } from 'commander';
import { ExitCode } from '../exit-codes';

// Types only: `@kinesis-access/cdktf` loads cdktf (~0.2 s), so it is required inside the actions, never at the top
// level, to keep `check` and `render` fast.
type CdktfModule = typeof import('@kinesis-access/cdktf');
type SynthSettings = import('@kinesis-access/cdktf').SynthSettings;

export interface SynthCommandOptions {
  readonly out: string;
  readonly hcl?: boolean;
  readonly config?: string;
  readonly layout?: string;
  readonly prune?: boolean;
  readonly check?: boolean;
}

/** Grants of a directory as plans, or the problem lines (`<file>: <path>: <message>`, as `check` prints them). */
export function loadPlans(
  grantsDir: string,
  cwd: string = process.cwd(),
): { ok: true; plans: GrantPlan[] } | { ok: false; lines: string[] } {
  const { problems, grants } = loadGrants([grantsDir], { cwd });
  if (problems.length > 0) return { ok: false, lines: problemLines(problems) };
  return { ok: true, plans: grants.map((g) => g.plan) };
}

/**
 * The project settings: `--config <cdktf.json>` or else `cdktf.json` next to the grants directory (the infra
 * repository's root, where `cdktf synth` reads it too), then `KINESIS_ACCESS_*` variables, then `--layout`.
 */
export function loadSettings(
  cdktf: CdktfModule,
  grantsDir: string,
  options: Pick<SynthCommandOptions, 'config' | 'layout'>,
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): { settings: SynthSettings; configFile?: string } {
  const candidate = options.config ?? path.join(path.dirname(path.resolve(cwd, grantsDir)), 'cdktf.json');
  const configPath = path.resolve(cwd, candidate);
  let context: unknown;
  let configFile: string | undefined;
  if (fs.existsSync(configPath)) {
    let json: { context?: Record<string, unknown> };
    try {
      json = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    } catch (error) {
      throw new cdktf.SettingsError([`${candidate}: not valid JSON (${(error as Error).message})`]);
    }
    context = json.context?.[cdktf.SETTINGS_CONTEXT_KEY];
    configFile = path.relative(cwd, configPath) || configPath;
  } else if (options.config !== undefined) {
    throw new cdktf.SettingsError([`--config: no such file ${JSON.stringify(options.config)}`]);
  }
  const settings = cdktf.resolveSettings({
    context,
    env: options.layout === undefined ? env : { ...env, [cdktf.SETTINGS_ENV.layout]: options.layout },
    contextSource: `${configFile ?? 'cdktf.json'} context.${cdktf.SETTINGS_CONTEXT_KEY}`,
  });
  return configFile === undefined ? { settings } : { settings, configFile };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The command that regenerates what `verify` checks (printed when something is out of date). */
export function synthCommandLine(
  grantsDir: string,
  options: Pick<SynthCommandOptions, 'out' | 'hcl'>,
): string {
  return `kinesis-access synth ${grantsDir} --out ${options.out}${options.hcl ? ' --hcl' : ''}`;
}

/** `synth --check` / `verify`: exit 1 when the files under --out differ from a fresh synth. Writes nothing. */
export async function runVerify(grantsDir: string, options: SynthCommandOptions): Promise<ExitCode> {
  const loaded = loadPlans(grantsDir);
  if (!loaded.ok) {
    process.stdout.write(loaded.lines.map((l) => `${l}\n`).join(''));
    process.stderr.write(`kinesis-access verify: ${plural(loaded.lines.length, 'problem')} in the grants\n`);
    return ExitCode.Invalid;
  }
  const cdktf: CdktfModule = require('@kinesis-access/cdktf');
  let settings: SynthSettings;
  try {
    settings = loadSettings(cdktf, grantsDir, options).settings;
  } catch (error) {
    process.stderr.write(`kinesis-access verify: ${(error as Error).message}\n`);
    return ExitCode.Invalid;
  }
  const report = await cdktf.checkFreshness({
    plans: loaded.plans,
    outDir: options.out,
    hcl: options.hcl,
    ...settings,
  });
  for (const warning of report.warnings) process.stderr.write(`kinesis-access verify: warning: ${warning}\n`);
  const shown = (file: string): string => path.join(options.out, file);
  const lines = [
    ...report.missing.map((f) => `${shown(f)}: missing (a grant produces it, but it is not there)`),
    ...report.stale.map((f) => `${shown(f)}: out of date (differs from what the grants produce)`),
    ...report.extra.map((f) => `${shown(f)}: no grant produces this file any more`),
  ];
  if (!report.ok) {
    process.stdout.write(lines.map((l) => `${l}\n`).join(''));
    process.stderr.write(
      `kinesis-access verify: generated Terraform does not match the grants (${plural(lines.length, 'file')}). ` +
        `Run:\n  ${synthCommandLine(grantsDir, options)}\nand commit the result.\n`,
    );
    return ExitCode.Invalid;
  }
  process.stderr.write(
    `kinesis-access verify: ${options.out} is up to date (${plural(loaded.plans.length, 'grant')}, ` +
      `${plural(report.files.length, 'file')})\n`,
  );
  return ExitCode.Ok;
}

/** `synth`: write the Terraform for every grant under --out; stale stacks are removed unless --no-prune. */
export async function runSynth(grantsDir: string, options: SynthCommandOptions): Promise<ExitCode> {
  const loaded = loadPlans(grantsDir);
  if (!loaded.ok) {
    process.stdout.write(loaded.lines.map((l) => `${l}\n`).join(''));
    process.stderr.write(
      `kinesis-access synth: ${plural(loaded.lines.length, 'problem')} in the grants; nothing written\n`,
    );
    return ExitCode.Invalid;
  }
  const cdktf: CdktfModule = require('@kinesis-access/cdktf');
  let settings: SynthSettings;
  let configFile: string | undefined;
  try {
    ({ settings, configFile } = loadSettings(cdktf, grantsDir, options));
  } catch (error) {
    process.stderr.write(`kinesis-access synth: ${(error as Error).message}\nnothing written\n`);
    return ExitCode.Invalid;
  }
  const result = await cdktf.synthGrants({
    plans: loaded.plans,
    outDir: options.out,
    hcl: options.hcl,
    prune: options.prune ?? true,
    ...settings,
  });
  for (const warning of result.warnings) process.stderr.write(`kinesis-access synth: warning: ${warning}\n`);
  for (const file of result.removed) process.stderr.write(`removed ${path.join(options.out, file)}\n`);
  process.stderr.write(
    `kinesis-access synth: ${plural(loaded.plans.length, 'grant')} → ${plural(result.files.length, 'stack')} in ` +
      `${options.out} (layout ${settings.layout}, ${settings.backend.type} state` +
      `${configFile === undefined ? '' : `, settings from ${configFile}`})\n`,
  );
  return ExitCode.Ok;
}

function addCommonOptions(command: Command): Command {
  return command
    .argument('<grants-dir>', 'directory of grant files (*.yaml, *.yml; recursive)')
    .requiredOption('--out <dir>', 'output directory (stacks/<stack>/cdk.tf.json)')
    .option('--hcl', 'Terraform native syntax (cdk.tf, formatted with terraform fmt) instead of JSON')
    .option('--config <cdktf.json>', 'settings file (default: cdktf.json next to <grants-dir>)')
    .option('--layout <layout>', 'stack layout: grant (one stack per grant, default) or account');
}

export function register(program: Command): void {
  addCommonOptions(
    program
      .command('synth')
      .summary('write the Terraform for a grants directory (cdktf output)')
      .description(
        'synthesize every grant under <grants-dir> into Terraform JSON at <out>/stacks/<stack>/cdk.tf.json ' +
          '(the same files `cdktf synth` writes to cdktf.out). Stacks of removed grants are deleted. ' +
          'Nothing is written when a grant has problems. With --check, write nothing and fail when <out> is stale.',
      ),
  )
    .option('--no-prune', 'keep stack files of grants that no longer exist')
    .option('--check', 'do not write: exit 1 when <out> differs from a fresh synth (same as `verify`)')
    .action(async (grantsDir: string, options: SynthCommandOptions) => {
      process.exitCode = options.check
        ? await runVerify(grantsDir, options)
        : await runSynth(grantsDir, options);
    });
}
