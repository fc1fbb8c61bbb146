import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answersOk, freePort, startProcess, waitUntil } from '@kinesis-access/fixtures/processes';
import { publicPackages, runOk, WORKSPACE } from './process';

const publicPackageNames = () => publicPackages().map((p) => p.name);

/** A real Verdaccio 5 on 127.0.0.1 with every public workspace package published to it. */
export interface LocalRegistry {
  readonly url: string;
  /** Environment for npm/pnpm clients: this registry, a clean user config, the machine's Node headers. */
  readonly env: NodeJS.ProcessEnv;
  /** name@version of every @kinesis-access package the registry holds after the release. */
  readonly published: readonly string[];
  /** What `pnpm release:dry-run` printed before and after the release. */
  readonly dryRunBefore: string;
  readonly dryRunAfter: string;
  stop(): Promise<void>;
}

/** npm_config_nodedir for native builds (better-sqlite3), from scripts/lib/node-headers.js; throws what is missing. */
export function nodeHeadersDir(): string | undefined {
  try {
    const out = execFileSync(process.execPath, [path.join(WORKSPACE, 'scripts/lib/node-headers.js')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    return out || undefined;
  } catch (error) {
    throw new Error(String((error as { stderr?: string }).stderr ?? error));
  }
}

/** The process environment without the npm/pnpm settings the test runner itself was started with. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return env;
}

/**
 * Starts Verdaccio with its own storage, htpasswd auth and an uplink to the npm registry this machine uses (for
 * third-party packages; `@kinesis-access/*` is never proxied), creates a user, and publishes every public
 * workspace package with `pnpm -r publish` (which rewrites `workspace:` ranges as a real release does).
 *
 * Uplinked tarballs are kept between runs in a cache directory per workspace (our own packages are removed from
 * it first), so a second run does not download the third-party packages again.
 */
export async function startRegistry(log: (line: string) => void = () => {}): Promise<LocalRegistry> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-verdaccio-'));
  const key = createHash('sha256').update(WORKSPACE).digest('hex').slice(0, 12);
  const storage = path.join(os.tmpdir(), `kinesis-access-verdaccio-storage-${key}`);
  fs.rmSync(path.join(storage, '@kinesis-access'), { recursive: true, force: true });
  fs.rmSync(path.join(storage, '.verdaccio-db.json'), { force: true });
  fs.mkdirSync(storage, { recursive: true });

  const npmConfig = (key: string): string | undefined => {
    const value = execFileSync('npm', ['config', 'get', key], { encoding: 'utf8', env: cleanEnv() }).trim();
    return value && value !== 'null' && value !== 'undefined' ? value : undefined;
  };
  const upstream = npmConfig('registry') ?? 'https://registry.npmjs.org/';
  // Verdaccio reaches the uplink the way npm does on this machine: npm's CA file (e.g. a global npmrc's cafile for
  // a TLS-inspecting proxy) and proxy settings. Verdaccio does not read npmrc files itself.
  const cafile = npmConfig('cafile');
  const httpsProxy = npmConfig('https-proxy');
  const httpProxy = npmConfig('proxy');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = [
    `storage: ${JSON.stringify(storage)}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(path.join(work, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks:',
    '  npmjs:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 120s',
    ...(httpsProxy ? [`    https_proxy: ${JSON.stringify(httpsProxy)}`] : []),
    ...(httpProxy ? [`    http_proxy: ${JSON.stringify(httpProxy)}`] : []),
    '    maxage: 60m',
    'packages:',
    "  '@kinesis-access/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: npmjs',
    'server:',
    '  keepAliveTimeout: 60',
    'max_body_size: 200mb',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
  const configFile = path.join(work, 'config.yaml');
  fs.writeFileSync(configFile, config);

  const bin = path.join(path.dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const verdaccio = startProcess(
    process.execPath,
    [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: work,
      env: {
        ...cleanEnv(),
        ...(cafile && !process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: cafile } : {}),
      },
      log,
    },
  );
  const stop = async () => {
    await verdaccio.stop();
    fs.rmSync(work, { recursive: true, force: true });
  };

  try {
    await waitUntil(verdaccio, 'an answer to /-/ping (60 s)', () => answersOk(`${url}-/ping`), {
      deadline: Date.now() + 60_000,
      name: 'verdaccio',
      intervalMs: 200,
    });
    // Fail here, with the reason, rather than as a 404 in the middle of an install.
    const probe = await fetch(`${url}cdktf-cli`);
    if (!probe.ok) {
      throw new Error(
        `verdaccio cannot serve third-party packages from its uplink ${upstream}: GET /cdktf-cli gave ` +
          `${probe.status} (CA file: ${cafile ?? 'none'}, proxy: ${httpsProxy ?? httpProxy ?? 'none'}). ` +
          `Its log:\n${verdaccio.output().slice(-3000)}`,
      );
    }
    const user = 'kinesis-access-release';
    const res = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user, password: `pw-${key}-${port}` }),
    });
    const body = (await res.json()) as { token?: string };
    if (!res.ok || !body.token)
      throw new Error(`verdaccio: adding user failed: ${res.status} ${JSON.stringify(body)}`);

    const npmrc = path.join(work, 'npmrc');
    fs.writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${body.token}\n`);
    // npm's cache stays npm's default (under HOME): empty in CI's fresh HOME, so CI installs like a new machine.
    const nodedir = nodeHeadersDir();
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      npm_config_userconfig: npmrc,
      npm_config_registry: url,
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      ...(nodedir ? { npm_config_nodedir: nodedir } : {}),
    };

    // `pnpm release` against this registry (built already by turbo; no git tags from a test), with its dry-run
    // before and after.
    const release = (...args: string[]) =>
      runOk(process.execPath, [path.join(WORKSPACE, 'scripts/release.js'), ...args], { cwd: WORKSPACE, env });
    const dryRunBefore = (await release('--dry-run')).stdout;
    // --allow-pending: this registry is thrown away, so the versions in the package.json files are published even
    // while changesets wait to be versioned (between releases, which is most of the time).
    log((await release('--skip-build', '--no-git-tag', '--allow-pending')).stdout);
    const dryRunAfter = (await release('--dry-run')).stdout;
    const published: string[] = [];
    for (const name of publicPackageNames()) {
      const res = await fetch(`${url}${name.replace('/', '%2f')}`);
      if (!res.ok) continue;
      const doc = (await res.json()) as { versions?: Record<string, unknown> };
      for (const version of Object.keys(doc.versions ?? {})) published.push(`${name}@${version}`);
    }
    published.sort();
    return { url, env, published, dryRunBefore, dryRunAfter, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
