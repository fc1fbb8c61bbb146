import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

export interface RunningBackend {
  readonly baseUrl: string;
  /** Static external-access token ($BACKSTAGE_TOKEN) for API calls from the test. */
  readonly token: string;
  /** Everything the backend printed so far. */
  log(): string;
  stop(): Promise<string>;
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'packages/backend/dist/index.js')],
    {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async (): Promise<string> => {
    if (child.exitCode !== null || child.signalCode !== null)
      return String(child.exitCode ?? child.signalCode);
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(String(code ?? signal))),
    );
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

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
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`backend exited (${child.exitCode ?? child.signalCode}) while waiting for ${what}`);
        }
        const ok = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } })
          .then((res) => res.ok)
          .catch(() => false);
        if (ok) break;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(250);
      }
    }
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- backend log (tail) ---\n${output.slice(-4000)}`);
  }
  return { baseUrl, token, log: () => output, stop };
}
