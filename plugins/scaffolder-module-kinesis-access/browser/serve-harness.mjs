// Serves the browser harness (../harness) with Vite's dev server on a free localhost port and prints one line,
// `HARNESS_URL=<url>`, once it listens. Stops on SIGTERM/SIGINT. Used by formHarness.browser.test.ts; run it by
// hand to look at the form: `node browser/serve-harness.mjs` and open the printed URL.
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

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
const server = await createServer({
  configFile: join(here, '../harness/vite.config.mjs'),
  server: { host: '127.0.0.1', port, strictPort: true, hmr: false },
});
await server.listen();
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
