/**
 * The REAL scaffolder in-process for integration tests: startTestBackend with @backstage/plugin-scaffolder-backend,
 * this module, a catalog (catalogServiceMock) holding the given template entities and an in-memory SQLite database.
 *
 * The only stand-in here is at the SCM boundary: Backstage's own `publish:github:pull-request`
 * (createPublishGithubPullRequestAction, unchanged) registered with a `clientFactory` whose client records the
 * `createPullRequest` call instead of sending it to GitHub.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import kinesisAccessModule from '../index';

type Feature = NonNullable<Parameters<typeof startTestBackend>[0]['features']>[number];

/** A template entity as parsed from a template.yaml. */
export interface TemplateEntity {
  apiVersion: string;
  kind: string;
  metadata: { name: string } & Record<string, unknown>;
}

/** A file of a recorded commit: its content, or a symbol (octokit-plugin-create-pull-request's delete marker). */
export type RecordedFile = { content: string; encoding: string } | symbol;

/** What the recording GitHub client received (the octokit-plugin-create-pull-request options). */
export interface RecordedPullRequest<File = RecordedFile> {
  owner: string;
  repo: string;
  title: string;
  body: string;
  head: string;
  base?: string;
  changes: { files: Record<string, File>; commit: string }[];
}

/**
 * Backstage's publish:github:pull-request whose GitHub client hands each createPullRequest call to `record` and
 * answers with what `record` returns (the pull request's URL and number), as GitHub does.
 */
export function recordingGithubPullRequestModule<PullRequest>(
  record: (options: PullRequest) => { html_url: string; number: number },
) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'recording-github-pull-request',
    register({ registerInit }) {
      registerInit({
        deps: { scaffolder: scaffolderActionsExtensionPoint },
        async init({ scaffolder }) {
          const integrations = ScmIntegrations.fromConfig(
            new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
          );
          scaffolder.addActions(
            createPublishGithubPullRequestAction({
              integrations,
              // The SCM boundary: instead of Octokit talking to api.github.com, record the pull request.
              clientFactory: async () =>
                ({
                  createPullRequest: async (options: PullRequest) => ({
                    data: { ...record(options), base: { ref: 'main' } },
                  }),
                }) as never,
            }),
          );
        },
      });
    },
  });
}

export interface ScaffolderBackend {
  readonly backend: Awaited<ReturnType<typeof startTestBackend>>;
  /** Stops the backend, then closes its database. */
  stop(): Promise<void>;
}

/** Starts the scaffolder with this module, the given templates in the catalog and `features` (stand-ins). */
export async function startScaffolderBackend(options: {
  readonly templates: readonly TemplateEntity[];
  readonly features: readonly Feature[];
  readonly config: JsonObject;
}): Promise<ScaffolderBackend> {
  const knex: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      kinesisAccessModule,
      ...options.features,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: options.templates.map((t) => ({ ...t, metadata: { namespace: 'default', ...t.metadata } })),
      }),
      mockServices.rootConfig.factory({ data: options.config }),
    ],
  });
  return {
    backend,
    async stop() {
      await backend.stop();
      // The scaffolder's task workers may still touch the database just after stop.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await knex.destroy();
    },
  };
}

/** A scaffolder task event as /v2/tasks/:id/events returns it. */
export interface TaskEvent {
  type: string;
  body: {
    message?: string;
    output?: { links: { title: string; url: string }[]; text: { content: string }[] };
  };
}

/** Polls a task every 100 ms (at most `attempts` times) until it has finished; returns its status and events. */
export async function finishedTask(
  server: ScaffolderBackend['backend']['server'],
  taskId: string,
  attempts: number,
): Promise<{ status: string; events: TaskEvent[]; log: string }> {
  let status = '';
  for (let i = 0; i < attempts && status !== 'completed' && status !== 'failed'; i += 1) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await request(server).get(`/api/scaffolder/v2/tasks/${taskId}`)).body.status;
  }
  const events = (await request(server).get(`/api/scaffolder/v2/tasks/${taskId}/events`)).body as TaskEvent[];
  return { status, events, log: events.map((e) => e.body?.message ?? '').join('\n') };
}
