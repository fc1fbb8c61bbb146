// Synth and terraform numbers for docs/benchmarks.md (section "CDKTF synth and terraform").
//
// Usage: pnpm bench   (node bench/synth.bench.js [--sizes 1,100,1000] [--runs 3] [--no-terraform]
//                      [--sample 10] [--full] [--check] [--dir <parent dir>] [--before <kinesis-access bin>])
//
// 1. Synth of N one-stream clickpipes grants through this package's bin (`kinesis-access synth`, a fresh process)
//    and, side by side in the same run, through `cdktf synth` (cdktf-cli, a devDependency) on the same grants with
//    the shipped cdktf app as an infrastructure repository runs it (cdktf.json `"app": "kinesis-access-cdktf
//    grants"`, the bin of @kinesis-access/cdktf on PATH as `pnpm exec` puts it): wall time and peak RSS of the
//    largest process (/usr/bin/time -v), median of --runs. One table, each figure beside its goal.
//    --before <bin> adds another build of the CLI (e.g. a checkout of main) to the same runs, for before/after.
// 2. terraform init / validate / offline plan for 1,000 grants in both stack layouts: per account (one stack) and
//    per grant (one stack each: one stack measured as a pull request would plan it, plus --sample stacks in a row
//    to extrapolate a full drift check; --full plans all of them).
// --dir puts the work directories elsewhere (default: os.tmpdir()); e.g. --dir /dev/shm separates synth from the
// disk: creating 1,000 directories on this VM's ext4 costs 0.2-1.8 s of system time, on tmpfs ~0.15 s.
// --check exits 1 when a goal is missed.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { grant, streamArn } = require('@kinesis-access/fixtures');
const { grantToYaml } = require('@kinesis-access/policy-model');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const CLI_BIN = path.join(PACKAGE_DIR, 'bin/kinesis-access.js');
const BIN_DIR = path.join(PACKAGE_DIR, 'node_modules/.bin');
const CDKTF_BIN = path.join(BIN_DIR, 'cdktf');
const APP_BIN = 'kinesis-access-cdktf';
// Test-only terraform helpers of the cdktf package (a CommonJS file shared with its jest tests).
const {
  requireTerraform,
  terraformOk,
  terraformTestEnv,
  writeOfflineOverride,
} = require('../../cdktf/src/test-support/offline-terraform.js');

/** The goals (docs/benchmarks.md): 1,000 grants in ≤ 1.0 s and ≤ 200 MB; one grant ≥ 10× faster than cdktf. */
const GOALS = { thousandSeconds: 1.0, thousandMb: 200, oneGrantSpeedUp: 10 };

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
const beforeBin = option('--before', undefined);

for (const [file, hint] of [
  [path.join(PACKAGE_DIR, 'dist/main.js'), 'build: pnpm turbo run build --filter=@kinesis-access/cli'],
  [CDKTF_BIN, 'pnpm install (cdktf-cli is a devDependency)'],
  [path.join(BIN_DIR, APP_BIN), 'pnpm install (@kinesis-access/cdktf, a dependency, provides the app bin)'],
  ...(beforeBin ? [[beforeBin, '--before names a kinesis-access bin']] : []),
]) {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} is missing: ${hint}`);
    process.exit(1);
  }
}

/** One-stream clickpipes grants (the shared fixture), written by the policy model's own serializer. */
function grantYaml(i) {
  const name = `bench-${String(i).padStart(4, '0')}`;
  return grantToYaml(grant({ streams: [{ arn: streamArn(name) }] }, name));
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
      app: `${APP_BIN} grants`,
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

/** Median of --runs samples; the commands of one sample run one after the other, in the order given. */
function mediansOf(commands) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, command] of commands.entries()) samples[i].push(command());
  }
  return samples.map((s) => ({
    seconds: median(s.map((x) => x.seconds)),
    rssMb: median(s.map((x) => x.rssMb)),
    cpu: median(s.map((x) => x.cpu)),
  }));
}

const figure = (m) => `${m.seconds.toFixed(2)} s / ${m.cpu.toFixed(2)} s / ${m.rssMb.toFixed(0)} MB`;
/** A goal cell: what the goal is, and whether this run met it. */
const goal = (text, met) => `${text}: ${met ? 'met' : '**MISSED**'}`;

/** The goals a row is held to, as table cells, plus the misses (for --check). */
function judge(n, ours, speedUp) {
  const misses = [];
  let oursGoal = '—';
  let speedGoal = '—';
  if (n === 1000) {
    const met = ours.seconds <= GOALS.thousandSeconds && ours.rssMb <= GOALS.thousandMb;
    const text = `≤ ${GOALS.thousandSeconds.toFixed(1)} s, ≤ ${GOALS.thousandMb} MB`;
    oursGoal = goal(text, met);
    if (!met) misses.push(`1,000 grants: ${figure(ours)} (goal ${text})`);
  }
  if (n === 1) {
    const met = speedUp >= GOALS.oneGrantSpeedUp;
    speedGoal = goal(`≥ ${GOALS.oneGrantSpeedUp}×`, met);
    if (!met)
      misses.push(
        `one grant: ${speedUp.toFixed(1)}× faster than cdktf synth (goal ≥ ${GOALS.oneGrantSpeedUp}×)`,
      );
  }
  return { oursGoal, speedGoal, misses };
}

function sameFiles(dir, a, b) {
  return fs
    .readdirSync(path.join(dir, a, 'stacks'))
    .every(
      (s) =>
        fs.readFileSync(path.join(dir, a, 'stacks', s, 'cdk.tf.json'), 'utf8') ===
        fs.readFileSync(path.join(dir, b, 'stacks', s, 'cdk.tf.json'), 'utf8'),
    );
}

async function main() {
  const root = fs.mkdtempSync(path.join(parentDir, 'kinesis-access-bench-'));
  // cdktf runs the app through the shell: the app bin on PATH, as `pnpm exec cdktf …` has it.
  const baseEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    CI: '1',
    PATH: `${BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  const misses = [];
  try {
    console.log(`work directory: ${root}`);
    console.log(
      `node ${process.version}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `median of ${runs} runs; wall s / CPU s (user+sys, all processes) / peak RSS MB of the largest process` +
        `${beforeBin ? `; before: ${beforeBin}` : ''}\n`,
    );
    console.log(
      `| grants | \`kinesis-access synth\` wall / CPU / RSS | goal |${beforeBin ? ' before this change |' : ''} ` +
        '`cdktf synth` wall / CPU / RSS | speed-up (wall) | goal | identical files |',
    );
    console.log(`|---:|---:|---|${beforeBin ? '---:|' : ''}---:|---:|---|:--:|`);
    for (const n of sizes) {
      const dir = project(root, n);
      const synth = (bin, out) => () => {
        fs.rmSync(path.join(dir, out), { recursive: true, force: true });
        return timed(process.execPath, [bin, 'synth', 'grants', '--out', out], dir, baseEnv);
      };
      const cdktf = () => {
        fs.rmSync(path.join(dir, 'cdktf.out'), { recursive: true, force: true });
        return timed(CDKTF_BIN, ['synth'], dir, { ...baseEnv, HOME: dir });
      };
      const [ours, theirs, before] = mediansOf([
        synth(CLI_BIN, 'generated'),
        cdktf,
        ...(beforeBin ? [synth(beforeBin, 'generated-before')] : []),
      ]);
      const files = fs.readdirSync(path.join(dir, 'generated', 'stacks')).length;
      if (files !== n) throw new Error(`expected ${n} stacks, found ${files}`);
      const same = sameFiles(dir, 'generated', 'cdktf.out');
      if (!same) misses.push(`${n} grants: files differ from cdktf synth`);
      const speedUp = theirs.seconds / ours.seconds;
      const judged = judge(n, ours, speedUp);
      misses.push(...judged.misses);
      console.log(
        `| ${n.toLocaleString('en-US')} | ${figure(ours)} | ${judged.oursGoal} |` +
          `${before ? ` ${figure(before)} (${(theirs.seconds / before.seconds).toFixed(1)}×) |` : ''} ` +
          `${figure(theirs)} | ${speedUp.toFixed(1)}× | ${judged.speedGoal} | ${same ? 'yes' : '**NO**'} |`,
      );
    }

    if (withTerraform) {
      requireTerraform();
      const n = 1000;
      const dir = sizes.includes(n) ? path.join(root, `n${n}`) : project(root, n);
      const env = terraformTestEnv(path.join(root, 'tf-home'), baseEnv).env;
      const measure = async (label, stackDir) => {
        writeOfflineOverride(stackDir);
        const init = await terraformOk(['init', '-input=false', '-no-color'], { cwd: stackDir, env });
        const validate = await terraformOk(['validate', '-no-color'], { cwd: stackDir, env });
        const plan = await terraformOk(
          ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false'],
          { cwd: stackDir, env },
        );
        const added = /Plan: (\d+) to add/.exec(plan.stdout)?.[1];
        console.log(
          `${label}: init ${(init.ms / 1000).toFixed(1)} s, validate ${(validate.ms / 1000).toFixed(1)} s, ` +
            `plan ${(plan.ms / 1000).toFixed(1)} s (${added} to add)`,
        );
      };
      console.log('');
      if (!fs.existsSync(path.join(dir, 'generated'))) synth(CLI_BIN, 'generated')();
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
      await measure(
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
    }

    if (misses.length > 0) {
      console.error(`\nmissed:\n  ${misses.join('\n  ')}`);
      if (check) process.exitCode = 1;
    } else console.log('\nevery goal met');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
