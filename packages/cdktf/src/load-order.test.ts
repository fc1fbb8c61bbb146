/** Each built module loads on its own (cdktf deep imports have cycles that depend on load order). */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist');

it.each(['index', 'synth', 'stack', 'grant', 'app', 'load'])(
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
