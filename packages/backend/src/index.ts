/**
 * @packageDocumentation
 * Starts the local Backstage backend in the foreground (`pnpm start:backstage`). See docs/backstage.md.
 */
import path from 'node:path';
import { createKinesisAccessBackend } from './backend';
import { backendConfig, settingsFromEnv } from './config';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const settings = settingsFromEnv(process.env, repoRoot);
createKinesisAccessBackend(backendConfig(settings))
  .start()
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
