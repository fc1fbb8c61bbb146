/**
 * Imported first by the package entry points (index.ts, app.ts), before anything loads cdktf. cdktf loads modules at
 * start-up that only its own `App.synth` or assets use, never `kinesis-access synth`; they load on first use instead
 * (the cdktf app's `App.synth` does):
 * - `archiver`, which `lib/private/fs.js` requires (zip support for TerraformAsset): the AWS provider bindings
 *   require the `cdktf` root, which loads that file, and archiver pulls in ~200 modules (lodash, glob, streams):
 *   ~45 ms, a fifth of a one-grant `kinesis-access synth`;
 * - `json-stable-stringify`, which `lib/manifest.js` and `lib/synthesize/synthesizer.js` require (manifest.json and
 *   `App.synth`'s stack files), with call-bind and get-intrinsic: ~15-25 ms.
 */
import * as path from 'node:path';
import { deferModule } from '@kinesis-access/grant-files';

/** A file as `fromFile` (a module id of cdktf) resolves it. */
const resolveFrom = (request: string, fromFile: string) => () =>
  require.resolve(request, { paths: [path.dirname(require.resolve(fromFile))] });

deferModule(resolveFrom('archiver', 'cdktf/lib/private/fs.js'), 'function');
deferModule(resolveFrom('json-stable-stringify', 'cdktf/lib/manifest.js'), 'function');
