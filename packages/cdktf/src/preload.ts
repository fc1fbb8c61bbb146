/**
 * Imported first by the package entry points (index.ts, app.ts), before anything loads cdktf.
 *
 * The AWS provider bindings require the `cdktf` root, which loads every cdktf module, and three of them require a
 * package at load time that only their own rarely used code calls:
 * - `lib/private/fs.js` requires `archiver` (zip support for TerraformAsset; we never create assets): ~200
 *   modules of lodash, glob and streams, about 45 ms, a fifth of a one-grant `kinesis-access synth`;
 * - `lib/validations/validate-binary-version.js` requires `semver` (45 modules; only a construct that asks for a
 *   minimum binary version calls it, and ours do not);
 * - `lib/manifest.js` and `lib/synthesize/synthesizer.js` require `json-stable-stringify` (with `call-bind`,
 *   `get-intrinsic` and ~20 more small modules), used when cdktf's `App.synth` writes `cdktf.out`, which the cdktf
 *   app does and the in-memory renderer (synth.ts) does not.
 * Together the last two are about a quarter of loading cdktf (~25 ms), which the Backstage action pays on its first
 * call. Each is registered as a lazy stand-in that loads the real module on first use: nothing changes if anything
 * ever uses it, only when the cost is paid. If cdktf's layout ever differs, this does nothing.
 */
import Module from 'node:module';
import * as path from 'node:path';

/** Packages deferred: the cdktf module that requires each (resolved from there, as cdktf would) and its export. */
const DEFERRED: ReadonlyArray<readonly [pkg: string, requiredBy: string, exports: 'function' | 'object']> = [
  ['archiver', 'cdktf/lib/private/fs.js', 'function'],
  ['semver', 'cdktf/lib/validations/validate-binary-version.js', 'object'],
  ['json-stable-stringify', 'cdktf/lib/manifest.js', 'function'],
];

/**
 * A stand-in whose every use (call, `new`, property read or write, `in`, `Object.keys`, spread) loads the real
 * module and forwards to it. The same file may be shared with other packages (pnpm links one copy per version),
 * so the stand-in must behave as the module does for any caller, not only for cdktf.
 */
function defer(pkg: string, requiredBy: string, exportsKind: 'function' | 'object'): void {
  let modulePath: string;
  try {
    modulePath = require.resolve(pkg, { paths: [path.dirname(require.resolve(requiredBy))] });
  } catch {
    return;
  }
  if (require.cache[modulePath] !== undefined) return;
  // biome-ignore lint/suspicious/noExplicitAny: the module's exports, whatever they are
  let real: any;
  const load = () => {
    if (real === undefined) {
      delete require.cache[modulePath];
      real = require(modulePath);
      require.cache[modulePath] = stub;
    }
    return real;
  };
  const target: object = exportsKind === 'function' ? function deferred() {} : {};
  const lazy = new Proxy(target, {
    apply: (_target, thisArg, args) => Reflect.apply(load(), thisArg, args),
    construct: (_target, args) => Reflect.construct(load(), args) as object,
    get: (_target, property) => Reflect.get(load(), property),
    set: (_target, property, value) => Reflect.set(load(), property, value),
    has: (_target, property) => Reflect.has(load(), property),
    ownKeys: (t) => [
      ...new Set([
        ...Reflect.ownKeys(load()),
        ...Reflect.ownKeys(t).filter((k) => !Reflect.getOwnPropertyDescriptor(t, k)?.configurable),
      ]),
    ],
    getOwnPropertyDescriptor: (t, property) => {
      const own = Reflect.getOwnPropertyDescriptor(t, property);
      // A proxy must report the stand-in's own fixed properties (a function's `prototype`) as they are.
      if (own !== undefined && !own.configurable) return own;
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), property);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  });
  const stub = new Module(modulePath);
  stub.filename = modulePath;
  stub.loaded = true;
  stub.exports = lazy;
  require.cache[modulePath] = stub;
}

for (const [pkg, requiredBy, exportsKind] of DEFERRED) defer(pkg, requiredBy, exportsKind);
