/**
 * Imported first by the package entry points (index.ts, app.ts), before anything loads cdktf.
 *
 * cdktf's `lib/private/fs.js` requires `archiver` at load time (zip support for TerraformAsset). The AWS provider
 * bindings require the `cdktf` root, which loads that file, and archiver pulls in ~200 modules (lodash, glob,
 * streams): about 45 ms, a fifth of a one-grant `kinesis-access synth`. We never create assets. So archiver is
 * registered as a lazy stand-in that loads the real module on first use: nothing changes if anything ever uses it,
 * only when the cost is paid. If cdktf's layout ever differs, this does nothing.
 */
import Module from 'node:module';
import * as path from 'node:path';

function deferArchiver(): void {
  let archiverPath: string;
  try {
    const fsModule = require.resolve('cdktf/lib/private/fs.js');
    archiverPath = require.resolve('archiver', { paths: [path.dirname(fsModule)] });
  } catch {
    return;
  }
  if (require.cache[archiverPath] !== undefined) return;
  let real: ((...args: unknown[]) => unknown) | undefined;
  const load = (): ((...args: unknown[]) => unknown) => {
    if (real === undefined) {
      delete require.cache[archiverPath];
      real = require(archiverPath) as (...args: unknown[]) => unknown;
      require.cache[archiverPath] = stub;
    }
    return real;
  };
  const lazy = new Proxy(function archiver() {}, {
    apply: (_target, thisArg, args) => Reflect.apply(load(), thisArg, args),
    construct: (_target, args) => Reflect.construct(load(), args) as object,
    get: (_target, property) => Reflect.get(load(), property),
    has: (_target, property) => Reflect.has(load(), property),
  });
  const stub = new Module(archiverPath);
  stub.filename = archiverPath;
  stub.loaded = true;
  stub.exports = lazy;
  require.cache[archiverPath] = stub;
}

deferArchiver();
