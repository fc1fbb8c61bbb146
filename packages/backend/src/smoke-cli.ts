/**
 * `pnpm --filter @kinesis-access/backend smoke`: start the real backend, dry-run the template, stop it.
 * Exits 1 with the reason when anything is wrong. Set SMOKE_VERBOSE=1 to see the backend's log.
 */
import path from 'node:path';
import { runSmoke } from './smoke';

runSmoke({
  repoRoot: path.resolve(__dirname, '..', '..', '..'),
  log: process.env.SMOKE_VERBOSE ? (chunk) => process.stderr.write(chunk) : undefined,
}).then(
  (result) => {
    console.log(
      `smoke ok: ready in ${result.readyMs} ms, template in catalog at ${result.catalogMs} ms, ` +
        `dry-run ${result.dryRunMs} ms, backend exit ${result.exit}\nfiles:\n  ${result.files.join('\n  ')}`,
    );
  },
  (error: unknown) => {
    console.error(`smoke failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
