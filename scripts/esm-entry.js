#!/usr/bin/env node
// Writes an ES module face for a CommonJS entry point built by tsc: `dist/<entry>.mjs` + `dist/<entry>.d.mts`.
//
//   node ../../scripts/esm-entry.js index alpha      (run in a package directory, after `tsc`)
//
// Backstage finds a package's feature through its default export (`backend.add(import('<pkg>'))`, the app's
// package discovery). A CommonJS default export is `exports.default` + `exports.__esModule`, which Node's ESM
// loader and strict-ESM bundlers do not unwrap (`import x from` gives the whole `module.exports`). The wrapper
// re-exports the one CommonJS instance with a real ESM default, so `import` and `require` both get the feature
// and there is still only one copy of the module (no dual-package hazard). package.json points the `import`
// condition here and `require` at the CommonJS file.
const fs = require('node:fs');
const path = require('node:path');

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error('usage: esm-entry.js <entry> [<entry>...]   (entry = file name in dist/ without .js)');
  process.exit(2);
}
const dist = path.resolve('dist');
for (const entry of entries) {
  const cjsFile = path.join(dist, `${entry}.js`);
  if (!fs.existsSync(cjsFile)) {
    console.error(`esm-entry: ${path.relative(process.cwd(), cjsFile)} does not exist: run tsc first`);
    process.exit(1);
  }
  // Named exports as tsc emitted them (`exports.x = ` / `Object.defineProperty(exports, "x", ...)`), read without
  // running the module: a frontend entry imports browser-only packages that cannot load in Node.
  const source = fs.readFileSync(cjsFile, 'utf8');
  const names = new Set();
  for (const m of source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)) names.add(m[1]);
  for (const m of source.matchAll(/Object\.defineProperty\(exports,\s*"([A-Za-z_$][\w$]*)"/g))
    names.add(m[1]);
  names.delete('__esModule');
  const hasDefault = names.delete('default');
  const named = [...names].sort();
  const js = [
    `import cjs from './${entry}.js';`,
    ...(hasDefault ? ['export default cjs.default;'] : []),
    ...(named.length ? [`export const { ${named.join(', ')} } = cjs;`] : []),
    '',
  ];
  const dts = [
    `export * from './${entry}.js';`,
    ...(hasDefault
      ? [
          `import type cjs from './${entry}.js';`,
          'declare const _default: typeof cjs.default;',
          'export default _default;',
        ]
      : []),
    '',
  ];
  fs.writeFileSync(path.join(dist, `${entry}.mjs`), js.join('\n'));
  fs.writeFileSync(path.join(dist, `${entry}.d.mts`), dts.join('\n'));
}
