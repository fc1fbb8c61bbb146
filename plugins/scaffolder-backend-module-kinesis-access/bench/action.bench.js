#!/usr/bin/env node
/**
 * `pnpm bench` for the kinesis:access:grant action (built dist). In a fresh Node process (with --expose-gc):
 *   1. baseline: @backstage/plugin-scaffolder-node + @backstage/backend-plugin-api loaded (any Backstage backend
 *      that runs the scaffolder has them), RSS after GC;
 *   2. require the module: RSS added by loading it (goal ≤ 40 MB);
 *   3. first call of the action (creates the action, loads cdktf lazily, renders, writes; goal ≤ 1 s) and the
 *      RSS after it;
 *   4. ≥ 50 warm calls, each into a fresh workspace: median and p95 (goal median ≤ 50 ms).
 * Prints a table and a JSON line (BENCH_JSON=...). Exits 1 if a goal is missed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 100);
const GOALS = { firstCallMs: 1000, warmMedianMs: 50, moduleRssMb: 40 };

if (process.argv[2] !== '--child') {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--child'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    process.stdout.write(child.stdout ?? '');
    process.exit(child.status ?? 1);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  const row = (what, value, goal) =>
    `| ${what} | ${value} | ${goal ?? ''} | ${goal === undefined ? '' : value <= goal ? 'ok' : 'MISSED'} |`;
  console.log('| measure | value | goal | |');
  console.log('| --- | ---: | ---: | --- |');
  console.log(row('RSS added by loading the module (MB)', result.moduleRssMb, GOALS.moduleRssMb));
  console.log(row('first call, warm process (ms)', result.firstCallMs, GOALS.firstCallMs));
  console.log(row(`median of ${result.warmCalls} warm calls (ms)`, result.warmMedianMs, GOALS.warmMedianMs));
  console.log(row('p95 of the warm calls (ms)', result.warmP95Ms));
  console.log(row('RSS added after the first call (cdktf loaded) (MB)', result.firstCallRssMb));
  console.log(row('RSS added after all calls (MB)', result.afterAllRssMb));
  console.log(`BENCH_JSON=${JSON.stringify({ node: process.version, cpus: os.cpus().length, ...result })}`);
  const missed =
    result.moduleRssMb > GOALS.moduleRssMb ||
    result.firstCallMs > GOALS.firstCallMs ||
    result.warmMedianMs > GOALS.warmMedianMs;
  process.exit(missed ? 1 : 0);
}

// ---- child ----
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
function rss() {
  global.gc();
  global.gc();
  return process.memoryUsage().rss;
}

require('@backstage/plugin-scaffolder-node');
require('@backstage/backend-plugin-api');
require('@backstage/errors');
// The bench's input, loaded before the baseline so that it does not count as the module's memory.
const { TEMPLATE_INPUT } = require('@kinesis-access/fixtures');
const baseline = rss();

const started = process.hrtime.bigint();
const { createKinesisAccessGrantAction } = require('..');
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
const afterLoad = rss();

const silent = { info() {}, warn() {}, error() {}, debug() {}, child: () => silent };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ka-bench-'));
let n = 0;

async function call() {
  const workspacePath = path.join(scratch, `ws-${n++}`);
  fs.mkdirSync(workspacePath);
  const outputs = {};
  const t0 = process.hrtime.bigint();
  // A new action object per call, as the scaffolder's registry hands the same one out: creating it is cheap.
  await createKinesisAccessGrantAction().handler({
    input: TEMPLATE_INPUT,
    workspacePath,
    logger: silent,
    output: (k, v) => {
      outputs[k] = v;
    },
    checkpoint: async ({ fn }) => fn(),
    createTemporaryDirectory: async () => fs.mkdtempSync(path.join(scratch, 'tmp-')),
    getInitiatorCredentials: async () => ({}),
    task: { id: 'bench' },
    isDryRun: false,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (outputs.roleName !== 'ClickHouseAccessRole-orders-clickpipes') throw new Error('unexpected output');
  fs.rmSync(workspacePath, { recursive: true, force: true });
  return ms;
}

(async () => {
  const firstCallMs = await call();
  const afterFirst = rss();
  const times = [];
  for (let i = 0; i < WARM_CALLS; i += 1) times.push(await call());
  const afterAll = rss();
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  fs.rmSync(scratch, { recursive: true, force: true });
  const round = (x) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      loadMs: round(loadMs),
      moduleRssMb: mb(afterLoad - baseline),
      firstCallMs: round(firstCallMs),
      firstCallRssMb: mb(afterFirst - baseline),
      warmCalls: times.length,
      warmMedianMs: round(pick(0.5)),
      warmP95Ms: round(pick(0.95)),
      afterAllRssMb: mb(afterAll - baseline),
      baselineRssMb: mb(baseline),
    }),
  );
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
