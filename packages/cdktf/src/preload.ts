/**
 * Imported first by the package entry points (index.ts, app.ts), before anything loads cdktf.
 *
 * cdktf loads modules at start-up that only its own `App.synth` or assets use, never `kinesis-access synth`:
 * - `lib/private/fs.js` requires `archiver` (zip support for TerraformAsset): the AWS provider bindings require
 *   the `cdktf` root, which loads that file, and archiver pulls in ~200 modules (lodash, glob, streams): ~45 ms,
 *   a fifth of a one-grant `kinesis-access synth`;
 * - `lib/manifest.js` and `lib/synthesize/synthesizer.js` require `json-stable-stringify` (manifest.json and
 *   `App.synth`'s stack files), which pulls in call-bind and get-intrinsic: ~15-25 ms.
 * Each is registered as a lazy stand-in that loads the real module on first use (the cdktf app's `App.synth` does):
 * nothing changes if anything uses it, only when the cost is paid. If cdktf's layout ever differs, this does
 * nothing.
 */
import Module from 'node:module';
import * as path from 'node:path';

/** Defer `request` as `fromFile` (a cdktf file) resolves it. Only for CommonJS modules without `__esModule`. */
function deferModule(fromFile: string, request: string): void {
  let modulePath: string;
  try {
    modulePath = require.resolve(request, { paths: [path.dirname(require.resolve(fromFile))] });
  } catch {
    return;
  }
  if (require.cache[modulePath] !== undefined) return;
  let real: ((...args: unknown[]) => unknown) | undefined;
  const load = (): ((...args: unknown[]) => unknown) => {
    if (real === undefined) {
      delete require.cache[modulePath];
      real = require(modulePath) as (...args: unknown[]) => unknown;
      require.cache[modulePath] = stub;
    }
    return real;
  };
  const lazy = new Proxy(function deferred() {}, {
    apply: (_target, thisArg, args) => Reflect.apply(load(), thisArg, args),
    construct: (_target, args) => Reflect.construct(load(), args) as object,
    // `__importDefault` asks this when the module is required; a CommonJS module has no such flag.
    get: (_target, property) => (property === '__esModule' ? undefined : Reflect.get(load(), property)),
    has: (_target, property) => Reflect.has(load(), property),
  });
  const stub = new Module(modulePath);
  stub.filename = modulePath;
  stub.loaded = true;
  stub.exports = lazy;
  require.cache[modulePath] = stub;
}

deferModule('cdktf/lib/private/fs.js', 'archiver');
deferModule('cdktf/lib/manifest.js', 'json-stable-stringify');
