import { createBackend } from '@backstage/backend-defaults';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import appPlugin from '@backstage/plugin-app-backend';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { JsonObject } from '@backstage/types';
import kinesisAccessModule from '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access';
import { localGithubPullRequestModule } from './githubModule';

/**
 * The local Backstage backend: the app (packages/app, built, served by app-backend), auth with the guest
 * provider, the catalog (with the scaffolder entity model, so Template entities are understood), the
 * scaffolder, Backstage's publish:github:pull-request (see githubModule.ts) and the kinesis-access module.
 * The config is given in code (see config.ts) instead of app-config files.
 */
export function createKinesisAccessBackend(config: JsonObject): ReturnType<typeof createBackend> {
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(config, 'kinesis-access backend'),
    }),
  );
  backend.add(appPlugin);
  backend.add(authPlugin);
  backend.add(guestProviderModule);
  backend.add(catalogPlugin);
  backend.add(scaffolderEntityModelModule);
  backend.add(scaffolderPlugin);
  backend.add(localGithubPullRequestModule);
  backend.add(kinesisAccessModule);
  return backend;
}
