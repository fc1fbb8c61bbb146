#!/usr/bin/env node

// Thin launcher: the CLI itself is compiled TypeScript in ../dist (see src/main.ts).
const path = require('node:path');

// `kinesis-access render … | head` closes stdout early: end quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error?.code === 'EPIPE') process.exit(0);
  throw error;
});

const entry = path.join(__dirname, '..', 'dist', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (error) {
  if (error?.code === 'MODULE_NOT_FOUND' && /[\\/]dist[\\/]/.test(String(error.message))) {
    const missing = String(error.message).split('\n')[0];
    process.stderr.write(
      `kinesis-access: the CLI is not built (${missing}).\n` +
        'Run "pnpm install && pnpm build" at the repository root (or scripts/bootstrap.sh), then try again.\n',
    );
    process.exit(3);
  }
  throw error;
}
cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `kinesis-access: internal error (please report): ${error?.stack ? error.stack : error}\n`,
    );
    process.exitCode = 3;
  },
);
