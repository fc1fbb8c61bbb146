import path from 'node:path';
import type { JsonObject } from '@backstage/types';

/** The grant template (the golden path), relative to the repository root. */
export const TEMPLATE_PATH = 'templates/grant-clickpipes-kinesis-access/template.yaml';

/** Every template this backend serves: grant, change and revoke (one lifecycle), relative to the repository root. */
export const TEMPLATE_PATHS: readonly string[] = [
  TEMPLATE_PATH,
  'templates/change-kinesis-access/template.yaml',
  'templates/revoke-kinesis-access/template.yaml',
];

/** @default port when `$BACKSTAGE_PORT` is not set. */
export const DEFAULT_PORT = 7007;

/** Subject of the static external-access token (`$BACKSTAGE_TOKEN`), as it appears in audit logs. */
export const TOKEN_SUBJECT = 'kinesis-access-scripts';

/** Settings read from the environment. */
export interface BackendSettings {
  readonly port: number;
  /** Interface to listen on. @default '127.0.0.1' (local use only) */
  readonly host: string;
  /** Static external-access token for scripts and tests; `undefined` = none accepted. */
  readonly token?: string;
  /** Token of the GitHub integration used by publish:github:pull-request. */
  readonly githubToken?: string;
  /** Absolute path of the repository root (where `templates/` lives). */
  readonly repoRoot: string;
}

/**
 * Reads `$BACKSTAGE_PORT`, `$BACKSTAGE_HOST`, `$BACKSTAGE_TOKEN` and `$GITHUB_TOKEN`. Throws with the variable
 * name and the value received when one is unusable.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): BackendSettings {
  const rawPort = env.BACKSTAGE_PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    throw new Error(`BACKSTAGE_PORT must be a TCP port number (1-65535), received "${env.BACKSTAGE_PORT}"`);
  }
  const token = env.BACKSTAGE_TOKEN?.trim() || undefined;
  if (token !== undefined && (!/^\S+$/.test(token) || token.length < 8)) {
    throw new Error(
      'BACKSTAGE_TOKEN must be at least 8 characters without spaces (Backstage static token rule)',
    );
  }
  return {
    port,
    host: env.BACKSTAGE_HOST?.trim() || '127.0.0.1',
    token,
    githubToken: env.GITHUB_TOKEN?.trim() || undefined,
    repoRoot,
  };
}

/** The whole app-config of the local backend, built in code so no config file or env substitution is needed. */
export function backendConfig(settings: BackendSettings): JsonObject {
  const baseUrl = `http://localhost:${settings.port}`;
  const auth: JsonObject =
    settings.token === undefined
      ? {}
      : { externalAccess: [{ type: 'static', options: { token: settings.token, subject: TOKEN_SUBJECT } }] };
  return {
    app: { title: 'kinesis-access', baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl,
      listen: { port: settings.port, host: settings.host },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth,
    },
    integrations: {
      github: [
        {
          host: 'github.com',
          ...(settings.githubToken === undefined ? {} : { token: settings.githubToken }),
        },
      ],
    },
    catalog: {
      // Without Template in the allow-list the catalog drops the template silently.
      rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Template', 'Group', 'User'] }],
      locations: TEMPLATE_PATHS.map((template) => ({
        type: 'file',
        target: path.join(settings.repoRoot, template),
        rules: [{ allow: ['Template'] }],
      })),
    },
  };
}
