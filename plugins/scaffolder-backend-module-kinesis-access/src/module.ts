import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKinesisAccessChangeAction } from './actions/kinesisAccessChange';
import { createKinesisAccessGrantAction } from './actions/kinesisAccessGrant';
import { createKinesisAccessRevokeAction } from './actions/kinesisAccessRevoke';
import { readTerraformSettings } from './lib/settings';
import { createCurrentGrantRouter } from './service/currentGrantRouter';

/**
 * Adds the `kinesis:access:grant`, `kinesis:access:change` and `kinesis:access:revoke` actions to the scaffolder.
 * Optional app-config: `kinesisAccess.terraform` (see docs/backstage.md).
 *
 * It also serves `GET /api/scaffolder/kinesis-access/current-grant`, from which the form fields of the "Change
 * Kinesis access" template read the grant being changed (through the backend's SCM integration, as fetch:plain).
 *
 * @public
 */
export const scaffolderModuleKinesisAccess = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kinesis-access',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
      },
      async init({ scaffolder, config, urlReader, httpRouter }) {
        const terraform = readTerraformSettings(config);
        scaffolder.addActions(
          createKinesisAccessGrantAction({ terraform }),
          createKinesisAccessChangeAction({ terraform }),
          createKinesisAccessRevokeAction(),
        );
        httpRouter.use(createCurrentGrantRouter({ urlReader, config }));
      },
    });
  },
});
