#!/usr/bin/env node
// `pnpm release` and `pnpm release:dry-run` (docs/releasing.md).
//
//   node scripts/release.js --dry-run   prints what would be published, and where; changes nothing
//   node scripts/release.js             builds, then `changeset publish` (pnpm publish per package + git tags)
//   options: --skip-build (already built), --no-git-tag (publish without tagging; the install test uses both),
//            --allow-pending (publish the versions the package.json files have even with pending changesets: only
//            for a throwaway local registry, as the install test's Verdaccio; never for a real release)
//
// The registry is the one in the environment: npm_config_registry, else the npm config's `registry`
// (default https://registry.npmjs.org/). Pending changesets must be versioned first (`pnpm version-packages`):
// a release never publishes versions that are not committed.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dryRun = process.argv.includes('--dry-run');
const skipBuild = process.argv.includes('--skip-build');
const noGitTag = process.argv.includes('--no-git-tag');
const allowPending = process.argv.includes('--allow-pending');

function registry() {
  const fromEnv = process.env.npm_config_registry || process.env.NPM_CONFIG_REGISTRY;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

function publicPackages() {
  const out = [];
  for (const group of ['packages', 'plugins']) {
    for (const entry of fs.readdirSync(path.join(root, group)).sort()) {
      const file = path.join(root, group, entry, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!pkg.private)
        out.push({ name: pkg.name, version: pkg.version, dir: path.relative(root, path.dirname(file)) });
    }
  }
  return out;
}

/** Whether name@version is already in the registry (npm view; E404 = not there). */
function published(name, version, url) {
  const r = spawnSync('npm', ['view', `${name}@${version}`, 'version', '--registry', url], {
    encoding: 'utf8',
  });
  if (r.status === 0) return r.stdout.trim() === version;
  if (/E404|404 Not Found|is not in this registry/.test(r.stderr)) return false;
  throw new Error(`npm view ${name}@${version} --registry ${url} failed:\n${r.stderr}`);
}

async function pendingChangesets() {
  const getReleasePlan = require('@changesets/get-release-plan').default;
  const plan = await getReleasePlan(root);
  return plan.releases.filter((r) => r.type !== 'none');
}

async function main() {
  const url = registry();
  const pending = await pendingChangesets();
  if (pending.length > 0) {
    console.log(`Pending changesets (not yet versioned; \`pnpm version-packages\` applies them):`);
    for (const r of pending) console.log(`  ${r.name}: ${r.oldVersion} -> ${r.newVersion} (${r.type})`);
    if (!dryRun && !allowPending) {
      console.error(
        'error: version the pending changesets first: pnpm version-packages, commit, then pnpm release',
      );
      return 1;
    }
  }
  const packages = publicPackages();
  const todo = packages.filter((p) => !published(p.name, p.version, url));
  console.log(`Registry: ${url}`);
  if (todo.length === 0) {
    console.log('Nothing to publish: every public package version is already in the registry.');
    return 0;
  }
  console.log(dryRun ? 'Would publish:' : 'Publishing:');
  for (const p of todo) console.log(`  ${p.name}@${p.version}   (${p.dir})`);
  if (dryRun) return 0;
  const steps = [
    ...(skipBuild ? [] : [['pnpm', ['build']]]),
    ['pnpm', ['exec', 'changeset', 'publish', ...(noGitTag ? ['--no-git-tag'] : [])]],
  ];
  for (const [cmd, args] of steps) {
    console.log(`==> ${cmd} ${args.join(' ')}`);
    const r = spawnSync(cmd, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, npm_config_registry: url },
    });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
