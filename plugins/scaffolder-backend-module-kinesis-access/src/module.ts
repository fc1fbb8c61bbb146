import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKinesisAccessGrantAction } from './actions/kinesisAccessGrant';
import { readTerraformSettings } from './lib/settings';

/**
 * Adds the `kinesis:access:grant` action to the scaffolder. Optional app-config: `kinesisAccess.terraform`
 * (see docs/backstage.md).
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
        scaffolder.addActions(createKinesisAccessGrantAction({ terraform: readTerraformSettings(config) }));
      },
    });
  },
});
