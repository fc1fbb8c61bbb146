import type { Config } from '@backstage/config';
import { resolveSettings } from '@kinesis-access/cdktf/settings';
import type { TerraformSettings } from './layout';

/** Where the module reads its settings in app-config. */
export const CONFIG_KEY = 'kinesisAccess.terraform';

/**
 * Reads `kinesisAccess.terraform` from app-config:
 *
 * ```yaml
 * kinesisAccess:
 *   terraform:
 *     hcl: false                       # cdk.tf instead of cdk.tf.json
 *     deployRoleArn: arn:{partition}:iam::{accountId}:role/kinesis-access-deployer
 *     backend: { type: s3, bucket: my-tf-state, region: eu-west-1 }
 * ```
 *
 * Validated by @kinesis-access/cdktf's own settings schema (its `./settings` entry: no cdktf loaded); every problem
 * is reported at startup, naming the config key.
 */
export function readTerraformSettings(config: Config): TerraformSettings {
  const section = config.getOptionalConfig(CONFIG_KEY);
  if (section === undefined) return {};
  const hcl = section.getOptionalBoolean('hcl');
  const context: Record<string, unknown> = { layout: 'grant' };
  const backend = section.getOptional('backend');
  const deployRoleArn = section.getOptionalString('deployRoleArn');
  if (backend !== undefined) context.backend = backend;
  if (deployRoleArn !== undefined) context.deployRoleArn = deployRoleArn;
  const settings = resolveSettings({ context, env: {}, contextSource: `app-config ${CONFIG_KEY}` });
  return { backend: settings.backend, deployRoleArn: settings.deployRoleArn, hcl };
}
