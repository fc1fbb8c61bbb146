import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKinesisAccessGrantAction } from './actions/kinesisAccessGrant';

/**
 * Adds the `kinesis:access:grant` action to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleKinesisAccess = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kinesis-access',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createKinesisAccessGrantAction());
      },
    });
  },
});
