/**
 * New frontend system entry point (`@kinesis-access/plugin-scaffolder-module-kinesis-access/alpha`).
 * The default export is a frontend module for the `scaffolder` plugin that adds the three form fields.
 */
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { createFormField, FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  clickHouseRoleArnFieldExtension,
  kinesisAccessPreviewExtension,
  kinesisStreamsFieldExtension,
} from './fields/extensions';

/** `ui:field: ClickHouseRoleArnField` as a new-system form field. */
export const clickHouseRoleArnFormField = createFormField(clickHouseRoleArnFieldExtension);
/** `ui:field: KinesisStreamsField` as a new-system form field. */
export const kinesisStreamsFormField = createFormField(kinesisStreamsFieldExtension);
/** `ui:field: KinesisAccessPreview` as a new-system form field. */
export const kinesisAccessPreviewFormField = createFormField(kinesisAccessPreviewExtension);

/** The form field extensions (kind `scaffolder-form-field`), attached to the scaffolder's form fields API. */
export const clickHouseRoleArnFormFieldExtension = FormFieldBlueprint.make({
  name: 'clickhouse-role-arn',
  params: { field: async () => clickHouseRoleArnFormField },
});
export const kinesisStreamsFormFieldExtension = FormFieldBlueprint.make({
  name: 'kinesis-streams',
  params: { field: async () => kinesisStreamsFormField },
});
export const kinesisAccessPreviewFormFieldExtension = FormFieldBlueprint.make({
  name: 'kinesis-access-preview',
  params: { field: async () => kinesisAccessPreviewFormField },
});

/** Install in a new-frontend-system app: `createApp({ features: [scaffolderModuleKinesisAccess] })`. */
export const scaffolderModuleKinesisAccess = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    clickHouseRoleArnFormFieldExtension,
    kinesisStreamsFormFieldExtension,
    kinesisAccessPreviewFormFieldExtension,
  ],
});

export default scaffolderModuleKinesisAccess;
