/**
 * scripts/lib/node-headers.js decides where native modules find Node's headers on a machine that reaches only
 * the package registries (bootstrap.sh, .ci/run and the install test use it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, WORKSPACE } from './lib/process';

const SCRIPT = path.join(WORKSPACE, 'scripts/lib/node-headers.js');
const [MAJOR, MINOR, PATCH] = process.versions.node.split('.');
let dir: string;

/** A fake installation prefix with include/node/node_version.h of the given version. */
function prefix(name: string, version: [string, string, string], gypi = true): string {
  const include = path.join(dir, name, 'include', 'node');
  fs.mkdirSync(include, { recursive: true });
  fs.writeFileSync(
    path.join(include, 'node_version.h'),
    `#define NODE_MAJOR_VERSION ${version[0]}\n#define NODE_MINOR_VERSION ${version[1]}\n#define NODE_PATCH_VERSION ${version[2]}\n`,
  );
  if (gypi) fs.writeFileSync(path.join(include, 'common.gypi'), '{}');
  return path.join(dir, name);
}

function env(prefixes: string[]): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: path.join(dir, 'home') };
  out.KINESIS_ACCESS_NODE_PREFIXES = prefixes.join(':');
  // Nothing listens on port 9 of 127.0.0.1: stands for "nodejs.org is not reachable".
  out.KINESIS_ACCESS_NODE_HEADERS_URL = 'https://127.0.0.1:9/headers.tar.gz';
  return out;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-node-headers-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('points at the prefix whose headers match the running Node', async () => {
  const older = prefix('older', [MAJOR as string, MINOR as string, String(Number(PATCH) + 1)]);
  const match = prefix('match', [MAJOR as string, MINOR as string, PATCH as string]);
  const result = await run(process.execPath, [SCRIPT], { cwd: dir, env: env([older, match]) });
  expect(result).toMatchObject({ code: 0, stdout: `${match}\n` });
});

it('keeps an explicit npm_config_nodedir', async () => {
  const result = await run(process.execPath, [SCRIPT], {
    cwd: dir,
    env: { ...env([]), npm_config_nodedir: '/opt/node-headers' },
  });
  expect(result).toMatchObject({ code: 0, stdout: '/opt/node-headers\n' });
});

it('says exactly what is missing when no headers match and nodejs.org is out of reach', async () => {
  const other = prefix('other', ['18', '0', '0']);
  const result = await run(process.execPath, [SCRIPT], { cwd: dir, env: env([other]) });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`need the headers of Node.js v${process.versions.node}`);
  expect(result.stderr).toContain(`looked in ${path.join(other, 'include', 'node')} (v18.0.0)`);
  expect(result.stderr).toContain('https://127.0.0.1:9/headers.tar.gz is not reachable');
  expect(result.stderr).toContain('npm_config_nodedir=');
});

it('does not accept headers without common.gypi (node-gyp needs it)', async () => {
  const partial = prefix('partial', [MAJOR as string, MINOR as string, PATCH as string], false);
  const result = await run(process.execPath, [SCRIPT], { cwd: dir, env: env([partial]) });
  expect(result.code).toBe(1);
});
