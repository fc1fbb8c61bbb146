/**
 * Imported first by index.ts, before the policy model loads zod: zod's root module loads every locale it has for
 * `z.locales` (64 modules, ~30 ms of every start); the model uses only the English messages, which zod loads on its
 * own. The locales load on first use of `z.locales`.
 */
import * as path from 'node:path';
import { deferModule } from './defer';

/** A file as `fromFile` (a module id) resolves it. */
const resolveFrom = (request: string, fromFile: string) => () =>
  require.resolve(request, { paths: [path.dirname(require.resolve(fromFile))] });

deferModule(resolveFrom('zod/v4/locales', '@kinesis-access/policy-model'), 'namespace');
