import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import {
  type CreateGithubPullRequestActionOptions,
  createPublishGithubPullRequestAction,
} from '@backstage/plugin-scaffolder-backend-module-github';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

type ClientFactory = NonNullable<CreateGithubPullRequestActionOptions['clientFactory']>;
type PullRequestClient = Awaited<ReturnType<ClientFactory>>;

/** The message a real task gets when the GitHub integration of its host has no credentials. */
export function missingTokenMessage(host: string, owner: string, repo: string): string {
  return (
    `publish:github:pull-request cannot open a pull request in ${host}/${owner}/${repo}: the GitHub integration ` +
    `for ${host} has no token. Start the backend with GITHUB_TOKEN set to a token that may push branches and ` +
    'open pull requests there. A dry-run (the template editor, POST /api/scaffolder/v2/dry-run) needs no token.'
  );
}

/**
 * Used only when no GitHub integration has credentials. Backstage's action asks for a client before it looks
 * at `isDryRun`, and the default client refuses to be built without a token ("No token available for host"),
 * so a dry-run would fail although it never calls GitHub. This client is built without a token; any call to
 * GitHub, which only a real task makes, throws {@link missingTokenMessage}.
 */
export const clientWithoutToken: ClientFactory = async ({ host, owner, repo }) => {
  const refuse = () => {
    throw new InputError(missingTokenMessage(host, owner, repo));
  };
  // `then` stays undefined, or awaiting the client would already call GitHub.
  return new Proxy({} as PullRequestClient, {
    get: (_target, property) => (property === 'then' ? undefined : refuse),
  });
};

/**
 * `publish:github:pull-request`, Backstage's own action, for the local backend. With a token (or a GitHub App)
 * in `integrations.github` it is exactly the action of `@backstage/plugin-scaffolder-backend-module-github`;
 * without one, dry-runs work and real tasks fail with {@link missingTokenMessage}.
 * The other github:* actions of that module are not registered: the templates here use only this one.
 */
export const localGithubPullRequestModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kinesis-access-local-github',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint, config: coreServices.rootConfig },
      async init({ scaffolder, config }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const hasCredentials = integrations.github
          .list()
          .some((integration) => integration.config.token || integration.config.apps?.length);
        scaffolder.addActions(
          createPublishGithubPullRequestAction({
            integrations,
            githubCredentialsProvider: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
            config,
            ...(hasCredentials ? {} : { clientFactory: clientWithoutToken }),
          }),
        );
      },
    });
  },
});
