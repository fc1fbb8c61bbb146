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
  /**
   * REST API base URL of the github.com integration (`integrations.github[].apiBaseUrl`).
   * @default GitHub's own (https://api.github.com); the end-to-end test points it at its local stand-in
   */
  readonly githubApiBaseUrl?: string;
  /** Absolute path of the repository root (where `templates/` lives). */
  readonly repoRoot: string;
}

/** The package app-backend serves (packages/app, built into its dist/). */
export const APP_PACKAGE = '@kinesis-access/app';

/**
 * Reads `$BACKSTAGE_PORT`, `$BACKSTAGE_HOST`, `$BACKSTAGE_TOKEN`, `$GITHUB_TOKEN` and `$GITHUB_API_BASE_URL`.
 * Throws with the variable name and the value received when one is unusable.
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
  const githubApiBaseUrl = env.GITHUB_API_BASE_URL?.trim() || undefined;
  if (githubApiBaseUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(githubApiBaseUrl)) {
    throw new Error(
      `GITHUB_API_BASE_URL must be an http(s) URL such as https://api.github.com, received "${env.GITHUB_API_BASE_URL}"`,
    );
  }
  return {
    port,
    host: env.BACKSTAGE_HOST?.trim() || '127.0.0.1',
    token,
    githubToken: env.GITHUB_TOKEN?.trim() || undefined,
    ...(githubApiBaseUrl === undefined ? {} : { githubApiBaseUrl: githubApiBaseUrl.replace(/\/+$/, '') }),
    repoRoot,
  };
}

/** The whole app-config of the local backend, built in code so no config file or env substitution is needed. */
export function backendConfig(settings: BackendSettings): JsonObject {
  // The app and the API share one origin: the address the backend listens on (localhost when it listens on all
  // interfaces). The other local name of that port may call the API too (CORS).
  const wildcard = settings.host === '0.0.0.0' || settings.host === '::';
  const baseUrl = `http://${wildcard ? 'localhost' : settings.host}:${settings.port}`;
  const localOrigins = [`http://localhost:${settings.port}`, `http://127.0.0.1:${settings.port}`];
  const auth: JsonObject =
    settings.token === undefined
      ? {}
      : { externalAccess: [{ type: 'static', options: { token: settings.token, subject: TOKEN_SUBJECT } }] };
  return {
    // app-backend serves the built app (packages/app/dist) at / and injects this config's frontend part. The
    // app installs the features its build discovered (packages/app/app-config.yaml) only while `app.packages`
    // says so at run time too.
    app: { title: 'kinesis-access', baseUrl, packageName: APP_PACKAGE, packages: 'all' },
    backend: {
      baseUrl,
      listen: { port: settings.port, host: settings.host },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth,
      cors: {
        origin: localOrigins,
        methods: ['GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'DELETE'],
        credentials: true,
      },
    },
    // Guest sign-in (the app's default sign-in page). Backstage allows it outside NODE_ENV=development only with
    // this flag; this backend is for local use and listens on 127.0.0.1 unless BACKSTAGE_HOST says otherwise.
    auth: { providers: { guest: { dangerouslyAllowOutsideDevelopment: true } } },
    integrations: {
      github: [
        {
          host: 'github.com',
          ...(settings.githubApiBaseUrl === undefined ? {} : { apiBaseUrl: settings.githubApiBaseUrl }),
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
