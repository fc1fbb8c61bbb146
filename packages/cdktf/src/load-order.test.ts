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
