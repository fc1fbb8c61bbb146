#!/usr/bin/env node
// Where native modules (better-sqlite3, cpu-features) find the headers of the running Node.js.
//
//   node scripts/lib/node-headers.js     → prints a directory for npm_config_nodedir (or nothing), exit 0
//                                          exit 1 with what is missing when no build could find headers
//
// node-gyp builds against `<nodedir>/include/node`. Without a nodedir it downloads the headers from
// nodejs.org into its cache (~/.cache/node-gyp/<version>), which fails on a machine that reaches only the package
// registries. Order: an explicit npm_config_nodedir; the headers of this Node's own installation prefix (Debian's
// nodejs puts them in /usr/include/node) when their version is exactly `node --version`; node-gyp's cache;
// nodejs.org when it answers. Used by scripts/bootstrap.sh, .ci/run and the install test.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const https = require('node:https');

const want = process.versions.node;

function headerVersion(includeDir) {
  try {
    const text = fs.readFileSync(path.join(includeDir, 'node_version.h'), 'utf8');
    const part = (name) => new RegExp(`#define\\s+NODE_${name}_VERSION\\s+(\\d+)`).exec(text)?.[1];
    const [major, minor, patch] = [part('MAJOR'), part('MINOR'), part('PATCH')];
    return major && minor && patch ? `${major}.${minor}.${patch}` : undefined;
  } catch {
    return undefined;
  }
}

function reachable(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = https.request(url, { method: 'HEAD', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 400);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function main() {
  const explicit = process.env.npm_config_nodedir || process.env.NPM_CONFIG_NODEDIR;
  if (explicit) {
    process.stdout.write(`${explicit}\n`);
    return 0;
  }
  const looked = [];
  // KINESIS_ACCESS_NODE_PREFIXES (':'-separated) replaces the prefixes searched; for the script's own tests.
  const prefixes = process.env.KINESIS_ACCESS_NODE_PREFIXES
    ? process.env.KINESIS_ACCESS_NODE_PREFIXES.split(':').filter(Boolean)
    : [...new Set([path.dirname(path.dirname(process.execPath)), '/usr', '/usr/local'])];
  for (const prefix of prefixes) {
    const include = path.join(prefix, 'include', 'node');
    const version = headerVersion(include);
    looked.push(`${include} (${version ? `v${version}` : 'none'})`);
    if (version === want && fs.existsSync(path.join(include, 'common.gypi'))) {
      process.stdout.write(`${prefix}\n`);
      return 0;
    }
  }
  const cacheRoot = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const cached = path.join(cacheRoot, 'node-gyp', want, 'include', 'node');
  looked.push(`${cached} (${headerVersion(cached) ? `v${headerVersion(cached)}` : 'none'})`);
  if (headerVersion(cached) === want) return 0; // node-gyp finds its own cache
  const url =
    process.env.KINESIS_ACCESS_NODE_HEADERS_URL ||
    `https://nodejs.org/download/release/v${want}/node-v${want}-headers.tar.gz`;
  if (await reachable(url, 5000)) return 0; // node-gyp can download them
  process.stderr.write(
    [
      `error: native modules (better-sqlite3, cpu-features) need the headers of Node.js v${want}, and none were found:`,
      ...looked.map((l) => `  looked in ${l}`),
      `  and ${url} is not reachable.`,
      `Install the headers that match this Node (Debian/Ubuntu nodejs: apt-get install libnode-dev), or unpack`,
      `node-v${want}-headers.tar.gz somewhere and run with npm_config_nodedir=<that directory>.`,
      '',
    ].join('\n'),
  );
  return 1;
}

main().then((code) => {
  process.exitCode = code;
});
