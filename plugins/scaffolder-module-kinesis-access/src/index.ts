/**
 * @packageDocumentation
 * Scaffolder form fields for the "Grant ClickPipes Kinesis access" template: `ClickHouseRoleArnField`,
 * `KinesisStreamsField` and `KinesisAccessPreview`. They validate and preview with the kinesis-access policy
 * model, from the same template parameters the `kinesis:access:grant` action receives; with
 * `ui:options: { mode: change }`, in the "Change Kinesis access" template, against the grant being changed.
 *
 * Legacy frontend system: this entry point. New frontend system: the `./alpha` entry point.
 */

export {
  ClickHouseRoleArnField,
  type ClickHouseRoleArnFieldProps,
  clickHouseRoleArnValidation,
} from './fields/ClickHouseRoleArnField';
export { kinesisAccessFieldExtensionOptions } from './fields/extensions';
export type { KinesisAccessFieldUiOptions } from './fields/formMode';
export {
  KinesisAccessPreview,
  type KinesisAccessPreviewProps,
  kinesisAccessPreviewValidation,
} from './fields/KinesisAccessPreview';
export {
  KinesisStreamsField,
  type KinesisStreamsFieldProps,
  kinesisStreamsValidation,
} from './fields/KinesisStreamsField';
export {
  grantFromTemplateInput,
  type KinesisAccessTemplateInput,
  type KinesisStreamInput,
  templateParameterOfPath,
} from './grantInput';
export {
  ClickHouseRoleArnFieldExtension,
  KinesisAccessPreviewExtension,
  KinesisStreamsFieldExtension,
  kinesisAccessFieldsPlugin,
} from './plugin';
