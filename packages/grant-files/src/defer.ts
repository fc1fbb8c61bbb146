/**
 * Start-up time of the kinesis-access processes (the CLI, the cdktf app): some dependencies load modules at start-up
 * that kinesis-access never uses (cdktf's zip support, zod's error messages in ~60 languages). {@link deferModule}
 * registers such a module as a lazy stand-in that loads the real module on first use: nothing changes if anything
 * uses it, only when the cost is paid. If a dependency's layout ever differs, it does nothing.
 */
import Module from 'node:module';

/**
 * What the deferred module exports: a CommonJS function (`module.exports = fn`, no `__esModule` flag), or a
 * namespace compiled from an ES module (`__esModule: true`), which `__importStar` takes as it is.
 */
export type DeferredShape = 'function' | 'namespace';

/**
 * Load a module only when it is first used. `resolveModule` gives its file as the dependency that requires it
 * resolves it (`require.resolve` in the caller's package: the caller's dependencies are not this package's); when
 * it throws, nothing is deferred. Call it before anything requires the module; a module already loaded is left
 * alone.
 */
export function deferModule(resolveModule: () => string, shape: DeferredShape): void {
  let modulePath: string;
  try {
    modulePath = resolveModule();
  } catch {
    return;
  }
  if (require.cache[modulePath] !== undefined) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[modulePath];
      real = require(modulePath) as object;
      require.cache[modulePath] = stub;
    }
    return real;
  };
  const target = shape === 'function' ? function deferred() {} : {};
  const lazy = new Proxy(target, {
    apply: (_target, thisArg, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, thisArg, args),
    construct: (_target, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
    // `__importDefault` / `__importStar` ask for this flag when the module is required: answer without loading.
    get: (_target, property) =>
      property === '__esModule' ? (shape === 'namespace' ? true : undefined) : Reflect.get(load(), property),
    has: (_target, property) => Reflect.has(load(), property),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, property) => {
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
