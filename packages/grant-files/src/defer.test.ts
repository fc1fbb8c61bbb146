/**
 * deferModule works on Node's own module cache, which jest replaces with its registry: each case runs in a fresh
 * node process against the built package (dist/).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist');

/** Runs `body` in a fresh node process with `deferModule`, `file` (a module holding `source`) and `loads()`. */
function inFreshNode(source: string, body: string): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-access-defer-'));
  try {
    const file = path.join(dir, 'module.js');
    fs.writeFileSync(file, `globalThis.loads = (globalThis.loads ?? 0) + 1;\n${source}\n`);
    const script = `
      const { deferModule } = require(${JSON.stringify(path.join(DIST, 'defer.js'))});
      const file = ${JSON.stringify(file)};
      const loads = () => globalThis.loads ?? 0;
      console.log(JSON.stringify((() => { ${body} })()));
    `;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: __dirname }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it('defers a CommonJS function until its first call, loads it once, and it works', () => {
  const out = inFreshNode(
    'module.exports = (a, b) => a + b; module.exports.tag = "sum";',
    `deferModule(() => file, 'function');
     const sum = require(file);
     const before = loads();
     const esModule = sum.__esModule === undefined ? 'absent' : 'present';
     return { before, esModule, sum: sum(2, 3), tag: sum.tag, again: require(file)(1, 1), after: loads() };`,
  );
  expect(out).toEqual({ before: 0, esModule: 'absent', sum: 5, tag: 'sum', again: 2, after: 1 });
});

it('defers a namespace until a member is used, and lists its members like the real one', () => {
  const out = inFreshNode(
    'Object.defineProperty(exports, "__esModule", { value: true }); exports.de = () => "Deutsch"; exports.fr = 1;',
    `deferModule(() => file, 'namespace');
     const ns = require(file);
     const before = loads();
     return { before, esModule: ns.__esModule, keys: Object.keys(ns).sort(), has: 'de' in ns, de: ns.de(), after: loads() };`,
  );
  expect(out).toEqual({ before: 0, esModule: true, keys: ['de', 'fr'], has: true, de: 'Deutsch', after: 1 });
});

it('leaves a module alone when it cannot be resolved or is already loaded', () => {
  const out = inFreshNode(
    'module.exports = () => "real";',
    `deferModule(() => require.resolve('no-such-module-kinesis-access'), 'function');
     require(file);
     deferModule(() => file, 'function');
     return { value: require(file)(), loads: loads() };`,
  );
  expect(out).toEqual({ value: 'real', loads: 1 });
});

it('the package entry defers zod’s locales: the policy model still validates, and z.locales still works', () => {
  const script = `
    require(${JSON.stringify(path.join(DIST, 'index.js'))});
    const locales = () => Object.keys(require.cache).filter((k) => /[\\\\/]zod[\\\\/]v4[\\\\/]locales[\\\\/]/.test(k)).length;
    const model = require('@kinesis-access/policy-model');
    const before = locales();
    const problems = model.validateGrant({ apiVersion: 'kinesis-access/v1' }).problems.length;
    const z = require(require.resolve('zod', { paths: [require.resolve('@kinesis-access/policy-model')] }));
    const german = typeof z.locales.de;
    console.log(JSON.stringify({ before, problems: problems > 0, german, after: locales() }));
  `;
  const out = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: __dirname }),
  );
  expect(out.before).toBeLessThanOrEqual(2); // the stand-in, and en.cjs, which zod loads for its messages
  expect(out).toMatchObject({ problems: true, german: 'function' });
  expect(out.after).toBeGreaterThan(30);
});
