import { createBackend } from '@backstage/backend-defaults';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubScaffolderModule from '@backstage/plugin-scaffolder-backend-module-github';
import type { JsonObject } from '@backstage/types';
import kinesisAccessModule from '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access';

/**
 * The local Backstage backend: catalog (with the scaffolder entity model, so Template entities are understood),
 * scaffolder, the GitHub scaffolder module (publish:github:pull-request) and the kinesis-access module.
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
  backend.add(catalogPlugin);
  backend.add(scaffolderEntityModelModule);
  backend.add(scaffolderPlugin);
  backend.add(githubScaffolderModule);
  backend.add(kinesisAccessModule);
  return backend;
}
