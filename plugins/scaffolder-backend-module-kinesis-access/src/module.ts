import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKinesisAccessChangeAction } from './actions/kinesisAccessChange';
import { createKinesisAccessGrantAction } from './actions/kinesisAccessGrant';
import { createKinesisAccessRevokeAction } from './actions/kinesisAccessRevoke';
import { readTerraformSettings } from './lib/settings';

/**
 * Adds the `kinesis:access:grant`, `kinesis:access:change` and `kinesis:access:revoke` actions to the scaffolder.
 * Optional app-config: `kinesisAccess.terraform` (see docs/backstage.md).
 *
 * @public
 */
export const scaffolderModuleKinesisAccess = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kinesis-access',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint, config: coreServices.rootConfig },
      async init({ scaffolder, config }) {
        const terraform = readTerraformSettings(config);
        scaffolder.addActions(
          createKinesisAccessGrantAction({ terraform }),
          createKinesisAccessChangeAction({ terraform }),
          createKinesisAccessRevokeAction(),
        );
      },
    });
  },
});
