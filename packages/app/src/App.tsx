import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import scaffolderModuleKinesisAccess from '@kinesis-access/plugin-scaffolder-module-kinesis-access/alpha';
import { navModule } from './modules/nav';

/**
 * The app as `@backstage/create-app` makes it (new frontend system), with the features listed explicitly instead
 * of discovered: the catalog, the scaffolder (`/create`) and the kinesis-access form fields, installed as
 * docs/backstage.md tells users to. Sign-in is the app plugin's default guest sign-in page.
 */
export default createApp({
  features: [catalogPlugin, scaffolderPlugin, scaffolderModuleKinesisAccess, navModule],
});
