// Builds the browser harness (../harness) with Vite and serves the build on a free localhost port; prints one
// line, `HARNESS_URL=<url>`, once it listens, and stops on SIGTERM/SIGINT. Used by formHarness.browser.test.ts.
// A production build rather than the dev server: the dev server may re-optimise dependencies and reload the page
// in the middle of a test.
//
//   node browser/serve-harness.mjs          # build + serve (what the test does)
//   node browser/serve-harness.mjs --dev    # Vite dev server, to work on the fields by hand
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const configFile = join(here, '../harness/vite.config.mjs');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const port = Number(process.env.HARNESS_PORT) || (await freePort());
const serverOptions = { host: '127.0.0.1', port, strictPort: true };
let server;
if (process.argv.includes('--dev')) {
  server = await createServer({ configFile, server: { ...serverOptions, hmr: false } });
  await server.listen();
} else {
  const started = Date.now();
  await build({ configFile, logLevel: 'warn' });
  process.stderr.write(`harness built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  server = await preview({ configFile, preview: serverOptions });
}
process.stdout.write(`HARNESS_URL=http://127.0.0.1:${port}/\n`);

let closing = false;
async function close() {
  if (closing) return;
  closing = true;
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', close);
process.on('SIGINT', close);
