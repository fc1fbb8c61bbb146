import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { answersOk, freePort, startProcess, waitUntil } from '@kinesis-access/fixtures/processes';

export interface RunningBackend {
  readonly baseUrl: string;
  /** Static external-access token ($BACKSTAGE_TOKEN) for API calls from the test. */
  readonly token: string;
  /** Everything the backend printed so far. */
  log(): string;
  stop(): Promise<string>;
}

/**
 * Starts `node packages/backend/dist/index.js` (what `pnpm start:backstage` runs after the build) on a free port,
 * and waits until it is ready and the catalog serves the template. `env` adds to (or, with `undefined`, removes
 * from) the inherited environment.
 */
export async function startBackend(
  repoRoot: string,
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<RunningBackend> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    BACKSTAGE_PORT: String(port),
    BACKSTAGE_TOKEN: token,
  };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const backend = startProcess(process.execPath, [path.join(repoRoot, 'packages/backend/dist/index.js')], {
    env: childEnv,
  });

  const deadline = Date.now() + timeoutMs;
  const probes: [string, string][] = [
    ['readiness', '/.backstage/health/v1/readiness'],
    [
      'the template in the catalog',
      '/api/catalog/entities/by-name/template/default/grant-clickpipes-kinesis-access',
    ],
  ];
  try {
    for (const [what, route] of probes) {
      await waitUntil(
        backend,
        what,
        () => answersOk(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } }),
        { deadline, name: 'backend' },
      );
    }
  } catch (error) {
    await backend.stop();
    throw new Error(
      `${(error as Error).message}\n--- backend log (tail) ---\n${backend.output().slice(-4000)}`,
    );
  }
  return { baseUrl, token, log: backend.output, stop: () => backend.stop() };
}
