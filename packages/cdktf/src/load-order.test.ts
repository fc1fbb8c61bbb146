/** Each built module loads on its own (cdktf deep imports have cycles that depend on load order). */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist');

it.each(['index', 'synth', 'stack', 'grant', 'app'])('dist/%s.js loads first in a fresh process', (name) => {
  const out = execFileSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(path.join(DIST, `${name}.js`))}); console.log('loaded')`],
    {
      encoding: 'utf8',
    },
  );
  expect(out.trim()).toBe('loaded');
});

it('defers cdktf’s archiver until it is used, and the real module works then', () => {
  const script = `
    const path = require('node:path');
    require(${JSON.stringify(path.join(DIST, 'index.js'))});
    const loaded = () => Object.keys(require.cache).filter((k) => /[\\\\/]archiver[\\\\/]lib[\\\\/]/.test(k)).length;
    const before = loaded();
    const archiverPath = require.resolve('archiver', { paths: [path.dirname(require.resolve('cdktf/lib/private/fs.js'))] });
    const archiver = require(archiverPath);
    const zip = archiver('zip');
    console.log(JSON.stringify({ before, after: loaded(), append: typeof zip.append, isRegistered: archiver.isRegisteredFormat('zip') }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '..'),
  });
  expect(JSON.parse(out)).toEqual({
    before: 0,
    after: expect.any(Number),
    append: 'function',
    isRegistered: true,
  });
  expect(JSON.parse(out).after).toBeGreaterThan(0);
});

it('defers cdktf’s semver and json-stable-stringify until used; then they behave as the real modules', () => {
  const script = `
    const path = require('node:path');
    require(${JSON.stringify(path.join(DIST, 'index.js'))});
    const from = (pkg, cdktfModule) =>
      require.resolve(pkg, { paths: [path.dirname(require.resolve(cdktfModule))] });
    const files = (re) => Object.keys(require.cache).filter((k) => re.test(k)).length;
    const semverPath = from('semver', 'cdktf/lib/validations/validate-binary-version.js');
    const stringifyPath = from('json-stable-stringify', 'cdktf/lib/manifest.js');
    const before = { semver: files(/[\\\\/]semver[\\\\/](functions|classes|ranges)[\\\\/]/), callBind: files(/[\\\\/]call-bind[\\\\/]/) };
    const semver = require(semverPath);
    const stringify = require(stringifyPath);
    const used = {
      satisfies: [semver.satisfies('1.11.4', '>=1.10'), semver.satisfies('0.15.0', '>=1.10')],
      keys: Object.keys(semver).sort(),
      spreadKeys: Object.keys({ ...semver }).length,
      isSemVer: new semver.SemVer('1.2.3') instanceof semver.SemVer,
      json: stringify({ b: 1, a: [] }, { space: 2 }),
    };
    delete require.cache[semverPath];
    const realKeys = Object.keys(require(semverPath)).sort();
    console.log(JSON.stringify({ before, used, realKeys }));
  `;
  const out = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '..') }),
  );
  expect(out.before).toEqual({ semver: 0, callBind: 0 });
  expect(out.used).toEqual({
    satisfies: [true, false],
    keys: out.realKeys,
    spreadKeys: out.realKeys.length,
    isSemVer: true,
    json: '{\n  "a": [\n  ],\n  "b": 1\n}',
  });
  expect(out.realKeys).toContain('satisfies');
});

it('the ./settings entry loads neither cdktf nor the AWS provider bindings', () => {
  const script = `
    const settings = require(${JSON.stringify(path.join(DIST, 'settings-entry.js'))});
    const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf|constructs)[\\\\/]/.test(k));
    const resolved = settings.resolveSettings({ context: { layout: 'account' }, env: {} });
    console.log(JSON.stringify({ loaded, layout: resolved.layout, grants: settings.GRANTS_DIR }));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ loaded: [], layout: 'account', grants: 'grants' });
});
