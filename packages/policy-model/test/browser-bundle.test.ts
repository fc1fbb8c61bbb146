// The model runs in the browser (Backstage form fields). Proven by bundling, as a form's bundler does: the ESM
// build of the sources (scripts/esm.js, the same code `pnpm build` runs) bundled by esbuild for the browser, where
// a Node built-in cannot resolve and a Node global fails the check; and the bundle stays inside its size budget.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { grant } from '@kinesis-access/fixtures';

const { BUDGET, buildEsm, checkBrowserBundle, describeSize } = require('../scripts/esm') as {
  BUDGET: { bytes: number; gzipBytes: number };
  buildEsm(options: { srcDir?: string; outDir: string }): Promise<string>;
  checkBrowserBundle(
    entry: string,
  ): Promise<{ ok: boolean; problems: string[]; bytes?: number; gzipBytes?: number }>;
  describeSize(result: { bytes: number; gzipBytes: number }): string;
};

const PACKAGE_DIR = path.join(__dirname, '..');
// Inside the package, so that zod and yaml resolve from its node_modules as they do for dist/esm.
const scratchRoot = path.join(PACKAGE_DIR, 'node_modules', '.cache');
let scratch: string;

beforeAll(() => {
  fs.mkdirSync(scratchRoot, { recursive: true });
  scratch = fs.mkdtempSync(path.join(scratchRoot, 'browser-bundle-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A source directory holding `files`, built to ESM; returns the entry. */
async function buildFixture(name: string, files: Record<string, string>): Promise<string> {
  const srcDir = path.join(scratch, name, 'src');
  fs.mkdirSync(srcDir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(srcDir, file), text);
  const outDir = await buildEsm({ srcDir, outDir: path.join(scratch, name, 'esm') });
  return path.join(outDir, 'index.mjs');
}

describe('the ESM build of the model', () => {
  let entry: string;
  beforeAll(async () => {
    entry = path.join(await buildEsm({ outDir: path.join(scratch, 'model') }), 'index.mjs');
  }, 60_000);

  it('bundles for the browser without Node built-ins or globals, inside its size budget', async () => {
    const result = await checkBrowserBundle(entry);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const size = { bytes: result.bytes as number, gzipBytes: result.gzipBytes as number };
    expect(size.bytes).toBeGreaterThan(size.gzipBytes);
    expect(describeSize(size)).toMatch(/KB minified \(budget .* KB\), .* KB gzipped \(budget .* KB\)$/);
    expect(size.bytes).toBeLessThanOrEqual(BUDGET.bytes);
    expect(size.gzipBytes).toBeLessThanOrEqual(BUDGET.gzipBytes);
  }, 60_000);

  it("loads in Node's ESM loader and plans a grant", () => {
    const orders = grant({}, 'orders-clickpipes');
    const script = [
      `const model = await import(${JSON.stringify(entry)});`,
      `const planned = model.compileGrant(${JSON.stringify(orders)});`,
      'console.log(JSON.stringify({ ok: planned.ok, role: planned.value?.role.name, exports: Object.keys(model).length }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      ok: true,
      role: 'ClickHouseAccessRole-orders-clickpipes',
      exports: expect.any(Number),
    });
    expect(JSON.parse(out).exports).toBeGreaterThan(10);
  });
});

describe('the browser bundle check', () => {
  it('fails on an import of a Node built-in, naming the module', async () => {
    const entry = await buildFixture('builtin', {
      'index.ts': "export { size } from './files';\n",
      'files.ts':
        "import { statSync } from 'node:fs';\nexport const size = (p: string) => statSync(p).size;\n",
    });
    const result = await checkBrowserBundle(entry);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/files\.mjs.*node:fs|node:fs.*files\.mjs/s);
  });

  it('fails on a Node global, naming the global and the module', async () => {
    const entry = await buildFixture('global', {
      'index.ts': "export { home } from './env';\n",
      'env.ts': 'export const home = (): string | undefined => process.env.HOME;\n',
    });
    const result = await checkBrowserBundle(entry);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/env\.mjs: uses the Node global `process`/)]);
  });

  it('accepts the words and properties that only look like Node globals', async () => {
    const entry = await buildFixture('lookalike', {
      'index.ts': [
        "export const words = ['process', 'Buffer', '__dirname'];",
        'export const read = (o: { process: number; require: string }) => o.process + o.require.length;',
        '',
      ].join('\n'),
    });
    const result = await checkBrowserBundle(entry);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
