// Synth and terraform numbers for docs/benchmarks.md (section "CDKTF synth and terraform").
//
// Usage: pnpm bench   (node bench/synth.bench.js [--sizes 1,100,1000] [--runs 3] [--no-terraform]
//                      [--sample 10] [--full] [--check] [--dir <parent dir>])
//
// 1. Synth of N one-stream clickpipes grants through the real CLI (`kinesis-access synth`) and, side by side in the
//    same run, through `cdktf synth` (cdktf-cli) on the same app and grants: wall time and peak RSS of the largest
//    process (/usr/bin/time -v), median of --runs.
// 2. terraform init / validate / offline plan for 1,000 grants in both stack layouts: per account (one stack) and
//    per grant (one stack each: one stack measured as a pull request would plan it, plus --sample stacks in a row
//    to extrapolate a full drift check; --full plans all of them).
// --dir puts the work directories elsewhere (default: os.tmpdir()); e.g. --dir /dev/shm separates synth from the
// disk: creating 1,000 directories on this VM's ext4 costs 0.2-1.8 s of system time, on tmpfs ~0.15 s.
// --check exits 1 when the goals are missed: 1,000 grants <= 1.5 s and <= 200 MB; one grant >= 8x faster than
// `cdktf synth`.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  requireTerraform,
  terraformOk,
  terraformTestEnv,
  writeOfflineOverride,
} = require('../src/test-support/offline-terraform.js');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const REPO = path.resolve(PACKAGE_DIR, '../..');
const CLI_BIN = path.join(REPO, 'packages/cli/bin/kinesis-access.js');
const CLI_DIST = path.join(REPO, 'packages/cli/dist/main.js');
const APP_ENTRY = path.join(PACKAGE_DIR, 'dist/app.js');
const CDKTF_BIN = path.join(PACKAGE_DIR, 'node_modules/.bin/cdktf');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const sizes = String(option('--sizes', '1,100,1000')).split(',').map(Number);
const runs = Number(option('--runs', 3));
const sample = Number(option('--sample', 10));
const full = args.includes('--full');
const withTerraform = !args.includes('--no-terraform');
const check = args.includes('--check');
const parentDir = option('--dir', os.tmpdir());

for (const [file, hint] of [
  [CLI_DIST, 'build the CLI: pnpm turbo run build --filter=@kinesis-access/cli'],
  [APP_ENTRY, 'build this package: pnpm turbo run build --filter=@kinesis-access/cdktf'],
  [CDKTF_BIN, 'pnpm install (cdktf-cli is a devDependency)'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} is missing: ${hint}`);
    process.exit(1);
  }
}

function grantYaml(i) {
  const name = `bench-${String(i).padStart(4, '0')}`;
  return [
    'apiVersion: kinesis-access/v1',
    'kind: KinesisAccessGrant',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  profile: clickpipes',
    '  principal:',
    '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
    '  streams:',
    `    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/${name}`,
    '',
  ].join('\n');
}

function project(root, n) {
  const dir = path.join(root, `n${n}`);
  fs.mkdirSync(path.join(dir, 'grants'), { recursive: true });
  for (let i = 0; i < n; i++)
    fs.writeFileSync(path.join(dir, 'grants', `bench-${String(i).padStart(4, '0')}.yaml`), grantYaml(i));
  fs.writeFileSync(
    path.join(dir, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app: `node ${APP_ENTRY} grants`,
      sendCrashReports: 'false',
      terraformProviders: [],
      context: {},
    }),
  );
  return dir;
}

/** Wall seconds and max RSS (MB, largest process) of a command, via GNU time. */
function timed(command, commandArgs, cwd, env) {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const text = result.stderr;
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${text.slice(-3000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time output:\n${text.slice(-2000)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rssMb: Number(rss[1]) / 1024, cpu: Number(user?.[1] ?? 0) + Number(sys?.[1] ?? 0) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function medianOf(fn) {
  const samples = Array.from({ length: runs }, fn);
  return {
    seconds: median(samples.map((s) => s.seconds)),
    rssMb: median(samples.map((s) => s.rssMb)),
    cpu: median(samples.map((s) => s.cpu)),
  };
}

async function main() {
  const root = fs.mkdtempSync(path.join(parentDir, 'kinesis-access-bench-'));
  const baseEnv = { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' };
  const rows = [];
  const results = {};
  try {
    console.log(`work directory: ${root}`);
    console.log(
      `node ${process.version}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `median of ${runs} runs; wall s / CPU s (user+sys, all processes) / peak RSS MB of the largest process\n`,
    );
    for (const n of sizes) {
      const dir = project(root, n);
      const ours = medianOf(() => {
        fs.rmSync(path.join(dir, 'generated'), { recursive: true, force: true });
        return timed(process.execPath, [CLI_BIN, 'synth', 'grants', '--out', 'generated'], dir, baseEnv);
      });
      const files = fs.readdirSync(path.join(dir, 'generated', 'stacks')).length;
      if (files !== n) throw new Error(`expected ${n} stacks, found ${files}`);
      const theirs = medianOf(() => {
        fs.rmSync(path.join(dir, 'cdktf.out'), { recursive: true, force: true });
        return timed(CDKTF_BIN, ['synth'], dir, { ...baseEnv, HOME: dir });
      });
      const same = fs
        .readdirSync(path.join(dir, 'generated', 'stacks'))
        .every(
          (s) =>
            fs.readFileSync(path.join(dir, 'generated/stacks', s, 'cdk.tf.json'), 'utf8') ===
            fs.readFileSync(path.join(dir, 'cdktf.out/stacks', s, 'cdk.tf.json'), 'utf8'),
        );
      results[n] = { ours, theirs, same };
      rows.push(
        `| ${n.toLocaleString('en-US')} | ${ours.seconds.toFixed(2)} s / ${ours.cpu.toFixed(2)} s / ${ours.rssMb.toFixed(0)} MB | ` +
          `${theirs.seconds.toFixed(2)} s / ${theirs.cpu.toFixed(2)} s / ${theirs.rssMb.toFixed(0)} MB | ` +
          `${(theirs.seconds / ours.seconds).toFixed(1)}× | ${same ? 'yes' : 'NO'} |`,
      );
      console.log(rows.at(-1));
    }
    console.log(
      '\n| grants | `kinesis-access synth` wall / CPU / RSS | `cdktf synth` wall / CPU / RSS | speed-up (wall) | identical files |',
    );
    console.log('|---:|---:|---:|---:|:--:|');
    for (const row of rows) console.log(row);

    if (withTerraform) {
      requireTerraform();
      const n = 1000;
      const dir = sizes.includes(n) ? path.join(root, `n${n}`) : project(root, n);
      const env = terraformTestEnv(path.join(root, 'tf-home'), baseEnv).env;
      const lines = [];
      const measure = async (label, stackDir) => {
        writeOfflineOverride(stackDir);
        const init = await terraformOk(['init', '-input=false', '-no-color'], { cwd: stackDir, env });
        const validate = await terraformOk(['validate', '-no-color'], { cwd: stackDir, env });
        const plan = await terraformOk(
          ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false'],
          { cwd: stackDir, env },
        );
        const added = /Plan: (\d+) to add/.exec(plan.stdout)?.[1];
        const row = {
          label,
          init: init.ms / 1000,
          validate: validate.ms / 1000,
          plan: plan.ms / 1000,
          added: Number(added),
        };
        lines.push(row);
        console.log(
          `${label}: init ${row.init.toFixed(1)} s, validate ${row.validate.toFixed(1)} s, plan ${row.plan.toFixed(1)} s (${added} to add)`,
        );
        return row;
      };
      // account layout: every grant in one stack
      spawnSync(
        process.execPath,
        [CLI_BIN, 'synth', 'grants', '--out', 'generated-account', '--layout', 'account'],
        { cwd: dir, env: baseEnv },
      );
      const accountStack = path.join(dir, 'generated-account', 'stacks', 'account-123456789012');
      await measure('account layout, 1 stack × 1,000 grants', accountStack);
      // grant layout: one stack per grant
      const grantStacks = fs.readdirSync(path.join(dir, 'generated', 'stacks')).sort();
      const one = await measure(
        'grant layout, 1 stack (a pull request)',
        path.join(dir, 'generated', 'stacks', grantStacks[0]),
      );
      const count = full ? grantStacks.length : Math.min(sample, grantStacks.length);
      const started = performance.now();
      for (const stack of grantStacks.slice(1, count + 1)) {
        const stackDir = path.join(dir, 'generated', 'stacks', stack);
        writeOfflineOverride(stackDir);
        await terraformOk(['init', '-input=false', '-no-color'], { cwd: stackDir, env });
        await terraformOk(['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false'], {
          cwd: stackDir,
          env,
        });
      }
      const perStack = (performance.now() - started) / 1000 / count;
      console.log(
        `grant layout, init+plan of ${count} stacks in a row: ${perStack.toFixed(1)} s per stack → ` +
          `${((perStack * grantStacks.length) / 60).toFixed(0)} min for all ${grantStacks.length} (one runner; ` +
          `${full ? 'measured' : 'extrapolated'})`,
      );
      results.terraform = { lines, perStack, one };
    }

    if (check) {
      const thousand = results[1000];
      const single = results[1];
      const failures = [];
      if (thousand && (thousand.ours.seconds > 1.5 || thousand.ours.rssMb > 200)) {
        failures.push(
          `1,000 grants: ${thousand.ours.seconds.toFixed(2)} s / ${thousand.ours.rssMb.toFixed(0)} MB (goal 1.5 s / 200 MB)`,
        );
      }
      if (single && single.theirs.seconds / single.ours.seconds < 8) {
        failures.push(
          `one grant: ${(single.theirs.seconds / single.ours.seconds).toFixed(1)}× faster than cdktf synth (goal 8×)`,
        );
      }
      for (const n of Object.keys(results))
        if (results[n].same === false) failures.push(`${n} grants: files differ from cdktf synth`);
      if (failures.length > 0) {
        console.error(`\nbench --check failed:\n  ${failures.join('\n  ')}`);
        process.exitCode = 1;
      } else console.log('\nbench --check: goals met');
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
