import { createPlugin } from '@backstage/core-plugin-api';
import {
  createScaffolderFieldExtension,
  type FieldExtensionComponent,
} from '@backstage/plugin-scaffolder-react';
import {
  clickHouseRoleArnFieldExtension,
  kinesisAccessPreviewExtension,
  kinesisStreamsFieldExtension,
} from './fields/extensions';
import type { KinesisAccessFieldUiOptions } from './fields/formMode';
import type { KinesisStreamInput } from './grantInput';

/**
 * The legacy-frontend plugin that provides the field extensions. Put the extensions inside
 * `<ScaffolderFieldExtensions>` under the scaffolder route of the app (docs/backstage.md).
 */
export const kinesisAccessFieldsPlugin = createPlugin({ id: 'scaffolder-kinesis-access' });

/** `ui:field: ClickHouseRoleArnField` — the ClickHouse service role ARN. */
export const ClickHouseRoleArnFieldExtension: FieldExtensionComponent<string, KinesisAccessFieldUiOptions> =
  kinesisAccessFieldsPlugin.provide(
    createScaffolderFieldExtension({
      ...clickHouseRoleArnFieldExtension,
      schema: clickHouseRoleArnFieldExtension.schema.schema,
    }),
  );

/** `ui:field: KinesisStreamsField` — the streams list. */
export const KinesisStreamsFieldExtension: FieldExtensionComponent<KinesisStreamInput[], KinesisAccessFieldUiOptions> =
  kinesisAccessFieldsPlugin.provide(
    createScaffolderFieldExtension({
      ...kinesisStreamsFieldExtension,
      schema: kinesisStreamsFieldExtension.schema.schema,
    }),
  );

/** `ui:field: KinesisAccessPreview` — the live policy preview. */
export const KinesisAccessPreviewExtension: FieldExtensionComponent<string | undefined, KinesisAccessFieldUiOptions> =
  kinesisAccessFieldsPlugin.provide(
    createScaffolderFieldExtension({
      ...kinesisAccessPreviewExtension,
      schema: kinesisAccessPreviewExtension.schema.schema,
    }),
  );
