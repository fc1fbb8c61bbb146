#!/usr/bin/env node
// `pnpm build`, after tsc: the ESM build (dist/esm/*.mjs) and the browser bundle check of its entry. Fails the build
// when the model imports a Node built-in or uses a Node global, or when the bundle outgrows its budget
// (scripts/esm.js says how both are checked).
const path = require('node:path');
const { BUDGET, buildEsm, checkBrowserBundle, describeSize } = require('./esm');

(async () => {
  const outDir = await buildEsm();
  const result = await checkBrowserBundle(path.join(outDir, 'index.mjs'));
  if (!result.ok) {
    console.error('policy-model is not browser-safe:');
    for (const problem of result.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(describeSize(result));
  if (result.bytes > BUDGET.bytes || result.gzipBytes > BUDGET.gzipBytes) {
    console.error('policy-model: the browser bundle is over its size budget (scripts/esm.js)');
    process.exit(1);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
