// Render throughput of the policy model (built dist/): validate + plan + renderJson per grant.
// Usage: pnpm bench   (node bench/render.bench.js [--seconds 2] [--check])
//   --check exits 1 when one-stream throughput is below the goal of 50,000 grants/s.

const {
  canonicalJson,
  compileGrant,
  compileGrantYaml,
  grantToYaml,
  renderJson,
  validateGrant,
} = require('../dist');
const { CLICKHOUSE_ROLE, grantDocument, KEY, manyStreams, streamArn } = require('@kinesis-access/fixtures');

const GOAL_ONE_STREAM_PER_SECOND = 50_000;
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 2;

const grant = (profile, streams, extra = {}) =>
  grantDocument('bench', { profile, principal: { roleArn: CLICKHOUSE_ROLE }, streams, ...extra });

const oneStream = grant('clickpipes', [{ arn: streamArn('orders'), kmsKeyArn: KEY }]);
const oneStreamYaml = grantToYaml(validateGrant(oneStream).value);
const thousandWrite = grant('write', manyStreams(1000), { quotas: { maxManagedPolicies: 20 } });
const thousandClickpipes = grant('clickpipes', manyStreams(1000), { quotas: { maxManagedPolicies: 20 } });

function render(input) {
  const result = compileGrant(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return renderJson(result.value);
}

const cases = [
  { name: 'clickpipes, 1 stream (KMS): validate + plan + renderJson', run: () => render(oneStream) },
  { name: 'clickpipes, 1 stream: … + canonicalJson', run: () => canonicalJson(render(oneStream)) },
  {
    name: 'clickpipes, 1 stream: from YAML text',
    run: () => renderJson(compileGrantYaml(oneStreamYaml).value),
  },
  { name: 'write, 1,000 streams: packed into managed policies', run: () => render(thousandWrite) },
  {
    name: 'clickpipes, 1,000 streams: refused (quota error)',
    run: () => {
      if (compileGrant(thousandClickpipes).ok) throw new Error('expected a quota error');
    },
  },
];

/** Rounds of ~100 ms; the median round is reported (the machine may be shared), and the best one. */
function measure(run) {
  for (let i = 0; i < 500; i++) run(); // warm up
  const rounds = [];
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < end || rounds.length < 3) {
    let ops = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 100_000_000n) {
      for (let i = 0; i < 20; i++) run();
      ops += 20;
      elapsed = process.hrtime.bigint() - start;
    }
    rounds.push((ops / Number(elapsed)) * 1e9);
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[Math.floor(rounds.length / 2)];
  return { opsPerSecond: median, best: rounds[rounds.length - 1], msPerOp: 1000 / median };
}

const rows = cases.map((c) => ({ name: c.name, ...measure(c.run) }));
const fmt = (n, digits) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const width = Math.max(...rows.map((r) => r.name.length));
const load = require('node:os').loadavg()[0].toFixed(1);
console.log(
  `policy-model render throughput (node ${process.version}, ${seconds}s per case, load average ${load})\n`,
);
console.log(
  `| ${'case'.padEnd(width)} | ${'ops/s'.padStart(10)} | ${'ms/op'.padStart(8)} | ${'best ops/s'.padStart(10)} |`,
);
console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(9)}: | ${'-'.repeat(7)}: | ${'-'.repeat(9)}: |`);
for (const row of rows) {
  console.log(
    `| ${row.name.padEnd(width)} | ${fmt(row.opsPerSecond, 0).padStart(10)} | ${fmt(row.msPerOp, 4).padStart(8)} | ${fmt(row.best, 0).padStart(10)} |`,
  );
}
console.log('\nops/s and ms/op: median of ~100 ms rounds; best ops/s: the fastest round.');
const first = rows[0].opsPerSecond;
const met = first >= GOAL_ONE_STREAM_PER_SECOND;
console.log(
  `\ngoal: ≥ ${fmt(GOAL_ONE_STREAM_PER_SECOND, 0)} one-stream grants/s — ${met ? 'met' : 'NOT met'} (${fmt(first, 0)}/s)`,
);
if (args.includes('--check') && !met) process.exit(1);
