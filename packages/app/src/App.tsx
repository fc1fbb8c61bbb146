import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

/**
 * The app as `@backstage/create-app` makes it (new frontend system): feature discovery (`app.packages: all` in
 * app-config.yaml) installs every frontend plugin and module in package.json's dependencies, here the scaffolder
 * and the kinesis-access form fields, the way docs/backstage.md tells users to. The catalog is listed as
 * create-app lists it. Sign-in is the app plugin's default guest sign-in page.
 */
export default createApp({
  features: [catalogPlugin, navModule],
});
