import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { answersOk, freePort, startProcess, waitUntil } from '@kinesis-access/fixtures/processes';
import yaml from 'yaml';
import { TEMPLATE_PATH } from './config';

/** What the smoke run saw. */
export interface SmokeResult {
  readonly port: number;
  /** Milliseconds from spawn to a ready backend. */
  readonly readyMs: number;
  /** Milliseconds until the catalog served the template. */
  readonly catalogMs: number;
  readonly dryRunMs: number;
  /** Paths of the files the dry-run produced. */
  readonly files: readonly string[];
  /** The grant file the dry-run produced. */
  readonly grantYaml: string;
  /** Output of the dry-run (links, text). */
  readonly output: unknown;
  /** Exit code (or signal) of the backend after SIGTERM. */
  readonly exit: string;
}

export interface SmokeOptions {
  /** Repository root (templates/ and packages/backend/dist). */
  readonly repoRoot: string;
  /** Port to start on. @default a free port */
  readonly port?: number;
  /** Values for the template form. @default {@link SMOKE_VALUES} */
  readonly values?: Record<string, unknown>;
  /** Give up after this long. @default 120000 */
  readonly timeoutMs?: number;
  /** Backend output goes here. @default discarded */
  readonly log?: (chunk: string) => void;
}

/** Form values of the smoke dry-run. */
export const SMOKE_VALUES = {
  name: 'smoke-orders',
  clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-smoke-Role',
  streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
  repoUrl: 'github.com?owner=example&repo=infra',
};

/**
 * Starts the real backend (`node packages/backend/dist/index.js`) on a free port with a random static token,
 * waits until it is ready and the catalog serves the template, runs the real template through
 * `POST /api/scaffolder/v2/dry-run`, checks that the grant file and Terraform come back, and stops the backend
 * with SIGTERM. Throws with what went wrong.
 *
 * The backend runs without `GITHUB_TOKEN` (removed from the environment it inherits): a dry-run needs none.
 */
export async function runSmoke(options: SmokeOptions): Promise<SmokeResult> {
  const port = options.port ?? (await freePort());
  const token = randomBytes(16).toString('hex');
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const template = yaml.parse(await fs.readFile(path.join(options.repoRoot, TEMPLATE_PATH), 'utf8'));
  const values = options.values ?? SMOKE_VALUES;

  const started = Date.now();
  const { GITHUB_TOKEN: _token, GITHUB_API_BASE_URL: _api, ...inherited } = process.env;
  const backend = startProcess(
    process.execPath,
    [path.join(options.repoRoot, 'packages/backend/dist/index.js')],
    {
      env: { ...inherited, BACKSTAGE_PORT: String(port), BACKSTAGE_TOKEN: token },
      log: options.log,
    },
  );
  const until = (what: string, route: string) =>
    waitUntil(backend, what, () => answersOk(`${base}${route}`, { headers }), { deadline, name: 'backend' });

  let exit = 'not stopped';
  try {
    await until('readiness', '/.backstage/health/v1/readiness');
    const readyMs = Date.now() - started;

    const templateRef = 'template:default/grant-clickpipes-kinesis-access';
    await until(
      'the template in the catalog',
      '/api/catalog/entities/by-name/template/default/grant-clickpipes-kinesis-access',
    );
    const catalogMs = Date.now() - started;
    // The change and revoke templates of the same lifecycle are registered too.
    for (const other of ['change-kinesis-access', 'revoke-kinesis-access']) {
      await until(
        `the ${other} template in the catalog`,
        `/api/catalog/entities/by-name/template/default/${other}`,
      );
    }

    const dryRunStarted = Date.now();
    const res = await fetch(`${base}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ template, values, directoryContents: [] }),
    });
    const body = (await res.json()) as {
      directoryContents?: { path: string; base64Content: string }[];
      output?: unknown;
      error?: { message?: string };
    };
    if (!res.ok)
      throw new Error(`dry-run of ${templateRef} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
    const dryRunMs = Date.now() - dryRunStarted;

    const files = (body.directoryContents ?? []).map((file) => file.path).sort();
    const name = String(values.name);
    const grant = body.directoryContents?.find((file) => file.path === `grants/${name}.yaml`);
    if (!grant) throw new Error(`dry-run returned no grants/${name}.yaml; files: ${files.join(', ')}`);
    if (!files.some((file) => /\.tf(\.json)?$/.test(file))) {
      throw new Error(`dry-run returned no Terraform file; files: ${files.join(', ')}`);
    }
    exit = await backend.stop();
    return {
      port,
      readyMs,
      catalogMs,
      dryRunMs,
      files,
      grantYaml: Buffer.from(grant.base64Content, 'base64').toString('utf8'),
      output: body.output,
      exit,
    };
  } finally {
    if (exit === 'not stopped') await backend.stop();
  }
}
