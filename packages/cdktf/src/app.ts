/**
 * The cdktf app: reads a grants directory and synthesizes it with cdktf's own `App` (so `cdktf synth`, `cdktf diff`
 * and `cdktf deploy` work). It runs as the package's bin: cdktf.json `"app": "kinesis-access-cdktf grants"`.
 *
 * Settings come from cdktf.json `context.kinesisAccess` (cdktf passes it in) and `KINESIS_ACCESS_*` variables,
 * exactly as for `kinesis-access synth`, so both write the same stacks.
 */
import './preload';
import { GRANTS_DIR, loadGrantsDirectory } from '@kinesis-access/grant-files';
import { formatProblem } from '@kinesis-access/policy-model';
import { App } from './cdktf-core';
import { resolveSettings, SETTINGS_CONTEXT_KEY } from './settings';
import { addGrantStacks, type KinesisAccessStack } from './stack';

export interface CreateGrantsAppOptions {
  /** @default 'grants' (relative to the working directory) */
  readonly grantsDir?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Output directory. @default - CDKTF_OUTDIR (set by the cdktf CLI), else cdktf.out */
  readonly outdir?: string;
}

/** Thrown when grant files have problems; the message has one `<file>: <path>: <message>` line per problem. */
export class GrantsDirectoryError extends Error {
  constructor(lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'GrantsDirectoryError';
  }
}

/** Build (not synthesize) the cdktf App for a grants directory. */
export function createGrantsApp(options: CreateGrantsAppOptions = {}): {
  app: App;
  stacks: KinesisAccessStack[];
} {
  const grantsDir = options.grantsDir ?? GRANTS_DIR;
  const app = new App({
    stackTraces: false,
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
  });
  const settings = resolveSettings({
    context: app.node.tryGetContext(SETTINGS_CONTEXT_KEY),
    env: options.env ?? process.env,
  });
  const loaded = loadGrantsDirectory(grantsDir);
  if (loaded.problems.length > 0) {
    throw new GrantsDirectoryError(
      loaded.problems.flatMap((f) => f.problems.map((p) => formatProblem(p, `${grantsDir}/${f.file}`))),
    );
  }
  const stacks = addGrantStacks(
    app,
    loaded.grants.map((g) => g.plan),
    settings,
  );
  return { app, stacks };
}

/** `kinesis-access-cdktf [grants-dir]` (default: $KINESIS_ACCESS_GRANTS_DIR, else `grants`). */
export function main(argv: readonly string[] = process.argv): number {
  const grantsDir = argv[2] ?? process.env.KINESIS_ACCESS_GRANTS_DIR ?? GRANTS_DIR;
  try {
    createGrantsApp({ grantsDir }).app.synth();
    return 0;
  } catch (error) {
    process.stderr.write(
      `kinesis-access cdktf app: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
