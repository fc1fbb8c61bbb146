// The policy model as ES modules (`dist/esm/*.mjs`, one file per source module, like tsc's CommonJS in `dist/`), and
// the browser bundle check. Used by `pnpm build` (scripts/build-esm.js) and by test/browser-bundle.test.ts.
//
// Why a real ESM build rather than the ESM face the plugins get from scripts/esm-entry.js (an `.mjs` that re-exports
// the CommonJS build): the model is what a browser bundle pulls in, and bundlers tree-shake ES modules, not
// CommonJS. One file per module keeps `"sideEffects": false` useful: a form that never lints a policy never bundles
// the action catalog. The model keeps no state (no module-level caches, no classes shared across calls), so a
// process that loads both builds has two copies of pure functions and nothing can disagree.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const PACKAGE_DIR = path.join(__dirname, '..');

/** The shipped sources: what tsconfig.build.json compiles (no tests, no test support). */
function sourceFiles(srcDir) {
  return fs
    .readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => path.join(srcDir, f));
}

/**
 * Keeps every relative import as an import of the sibling `.mjs` file (Node's ESM loader needs the extension) and
 * every package import as it is (zod, yaml: the user's bundler or Node resolves them).
 */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('./')) return { path: `${args.path}.mjs`, external: true };
      if (args.path.startsWith('.'))
        throw new Error(`${args.importer}: import ${args.path} leaves the source directory`);
      return { path: args.path, external: true };
    });
  },
};

/** Compile `srcDir` to `outDir/*.mjs` and write `outDir/index.d.mts` (the types of the CommonJS build). */
async function buildEsm({
  srcDir = path.join(PACKAGE_DIR, 'src'),
  outDir = path.join(PACKAGE_DIR, 'dist/esm'),
} = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sourceFiles(srcDir),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    plugins: [keepImports],
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
  });
  // The declarations are tsc's (`dist/*.d.ts`); the ESM face re-exports them, as scripts/esm-entry.js does.
  fs.writeFileSync(path.join(outDir, 'index.d.mts'), "export * from '../index.js';\n");
  return outDir;
}

/** Free variables that exist in Node and not in a browser. A reference to any of them fails the check. */
const NODE_GLOBALS = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
  'require',
  'module',
  'exports',
];
const marker = (name) => `__NODE_GLOBAL_${name}__`;

/**
 * Bundle `entry` (and zod, yaml) for the browser, as a form's bundler would: `platform: 'browser'`, so an import of
 * a Node built-in (`node:fs`, `fs`, `path`, …) cannot resolve and fails the build. Node globals are replaced by
 * markers (`define` touches only real references to the global, not strings or properties); a marker in the output
 * fails the check and names the module it came from. Returns the minified size and its gzip size.
 */
async function checkBrowserBundle(entry) {
  const problems = [];
  let text = '';
  try {
    const readable = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      define: Object.fromEntries(NODE_GLOBALS.map((g) => [g, marker(g)])),
      logLevel: 'silent',
    });
    text = readable.outputFiles[0].text;
  } catch (error) {
    for (const e of error.errors ?? [{ text: String(error) }]) {
      const where = e.location ? `${e.location.file}:${e.location.line}: ` : '';
      problems.push(`${where}${e.text}`);
    }
    return { ok: false, problems };
  }
  const lines = text.split('\n');
  let module = '(bundle)';
  lines.forEach((line, i) => {
    const from = /^\/\/ (\S+)$/.exec(line);
    if (from) module = from[1];
    for (const g of NODE_GLOBALS)
      if (line.includes(marker(g)))
        problems.push(`${module}: uses the Node global \`${g}\` (bundle line ${i + 1})`);
  });
  if (problems.length > 0) return { ok: false, problems };
  const minified = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
  });
  const bytes = minified.outputFiles[0].contents;
  return { ok: true, problems, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

/**
 * Size budget of the whole public face bundled for the browser (minified; zod and yaml included, a form that uses
 * less bundles less). Measured 2026-12-02: 616,684 bytes minified, 145,293 gzipped (644,279 / 152,071 before the
 * public face was trimmed: the action catalog no longer comes along). zod is 443 KB of it: `import { z } from 'zod'`
 * brings all of zod 4 classic. The budget leaves about 10% for growth: raise it deliberately, in review.
 */
const BUDGET = { bytes: 680_000, gzipBytes: 160_000 };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function describeSize(result) {
  return (
    `browser bundle of the ESM entry: ${kb(result.bytes)} minified (budget ${kb(BUDGET.bytes)}), ` +
    `${kb(result.gzipBytes)} gzipped (budget ${kb(BUDGET.gzipBytes)})`
  );
}

module.exports = { BUDGET, buildEsm, checkBrowserBundle, describeSize, NODE_GLOBALS, sourceFiles };
