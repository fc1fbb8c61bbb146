// How long the live preview takes per keystroke: analyseFormData (map form data → compileGrant → renderJson +
// renderSummary) for grants of 1, 10 and 50 streams, as the preview and each validator run it on every change.
// Run after `pnpm build`: `pnpm bench` (root) or `node bench/preview.bench.js`.
const { analyseFormData } = require('../dist/analysis.js');

function formData(streamCount) {
  return {
    name: 'orders-clickpipes',
    clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
    streams: Array.from({ length: streamCount }, (_, i) => ({
      arn: `arn:aws:kinesis:us-east-1:123456789012:stream/orders-${i}`,
      ...(i % 2 === 0
        ? {
            kmsKeyArn: `arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-${String(i).padStart(12, '0')}`,
          }
        : {}),
    })),
  };
}

function measure(streamCount, iterations) {
  const data = formData(streamCount);
  const first = analyseFormData(data);
  if (!first.ok) throw new Error(`bench grant invalid: ${JSON.stringify(first.problems)}`);
  for (let i = 0; i < 20; i++) analyseFormData(structuredClone(data));
  const times = [];
  for (let i = 0; i < iterations; i++) {
    // Every keystroke gives the fields a new form-data object: no caching by identity can help.
    const input = structuredClone(data);
    const start = process.hrtime.bigint();
    analyseFormData(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    streams: streamCount,
    policies: first.rendered.policies.length,
    median: pick(0.5),
    p95: pick(0.95),
  };
}

console.log('live preview per keystroke (analyseFormData), ms');
console.log('streams | policies | median | p95');
for (const [count, iterations] of [
  [1, 500],
  [10, 300],
  [50, 100],
]) {
  const r = measure(count, iterations);
  console.log(
    `${String(r.streams).padStart(7)} | ${String(r.policies).padStart(8)} | ${r.median.toFixed(2).padStart(6)} | ${r.p95.toFixed(2).padStart(5)}`,
  );
}
