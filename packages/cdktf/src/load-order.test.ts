/** Each built module loads on its own (cdktf deep imports have cycles that depend on load order). */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist');

it.each(['index', 'render', 'format', 'write', 'freshness', 'stack', 'grant', 'app'])(
  'dist/%s.js loads first in a fresh process',
  (name) => {
    const out = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(path.join(DIST, `${name}.js`))}); console.log('loaded')`],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('loaded');
  },
);

/**
 * In a fresh process that loads dist/index.js: how many files matching `loadedPattern` are loaded before and after
 * requiring `request` as cdktf's `fromFile` does and running `use` on it (`m`), and what `use` returned.
 */
function useDeferred(
  fromFile: string,
  request: string,
  loadedPattern: string,
  use: string,
): Record<string, unknown> {
  const script = `
    const path = require('node:path');
    require(${JSON.stringify(path.join(DIST, 'index.js'))});
    const loaded = () => Object.keys(require.cache).filter((k) => new RegExp(${JSON.stringify(loadedPattern)}).test(k)).length;
    const before = loaded();
    const m = require(require.resolve(${JSON.stringify(request)}, { paths: [path.dirname(require.resolve(${JSON.stringify(fromFile)}))] }));
    const used = (${use})(m);
    console.log(JSON.stringify({ before, after: loaded(), ...used }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '..'),
  });
  return JSON.parse(out);
}

it('defers cdktf’s archiver until it is used, and the real module works then', () => {
  const out = useDeferred(
    'cdktf/lib/private/fs.js',
    'archiver',
    '[\\\\/]archiver[\\\\/]lib[\\\\/]',
    "(m) => { const zip = m('zip'); return { append: typeof zip.append, isRegistered: m.isRegisteredFormat('zip') }; }",
  );
  expect(out).toEqual({
    before: 0,
    after: expect.any(Number),
    append: 'function',
    isRegistered: true,
  });
  expect(out.after).toBeGreaterThan(0);
});

it('defers cdktf’s json-stable-stringify until it is used, and the real module works then', () => {
  const out = useDeferred(
    'cdktf/lib/manifest.js',
    'json-stable-stringify',
    '[\\\\/]call-bind[\\\\/]',
    '(m) => ({ text: m({ b: [2, { d: 1, c: 0 }], a: 1 }) })',
  );
  expect(out).toEqual({ before: 0, after: expect.any(Number), text: '{"a":1,"b":[2,{"c":0,"d":1}]}' });
  expect(out.after).toBeGreaterThan(0);
});

it('the ./settings entry loads neither cdktf nor the AWS provider bindings', () => {
  const script = `
    const settings = require(${JSON.stringify(path.join(DIST, 'settings-entry.js'))});
    const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf|constructs)[\\\\/]/.test(k));
    const resolved = settings.resolveSettings({ context: { layout: 'account' }, env: {} });
    console.log(JSON.stringify({ loaded, layout: resolved.layout }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ loaded: [], layout: 'account' });
});
