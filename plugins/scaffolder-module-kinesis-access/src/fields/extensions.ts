import type { StepperProps } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ClickHouseRoleArnField,
  ClickHouseRoleArnFieldSchema,
  clickHouseRoleArnValidation,
} from './ClickHouseRoleArnField';
import {
  KinesisAccessPreview,
  KinesisAccessPreviewSchema,
  kinesisAccessPreviewValidation,
} from './KinesisAccessPreview';
import {
  KinesisStreamsField,
  KinesisStreamsFieldSchema,
  kinesisStreamsValidation,
} from './KinesisStreamsField';

/**
 * The three field extensions, described once and registered by both frontend systems
 * (legacy `createScaffolderFieldExtension` in ../plugin.ts, new `createFormField` in ../alpha.ts).
 * The names are what templates put in `ui:field`.
 */
export const clickHouseRoleArnFieldExtension = {
  name: 'ClickHouseRoleArnField',
  component: ClickHouseRoleArnField,
  validation: clickHouseRoleArnValidation,
  schema: ClickHouseRoleArnFieldSchema,
} as const;

export const kinesisStreamsFieldExtension = {
  name: 'KinesisStreamsField',
  component: KinesisStreamsField,
  validation: kinesisStreamsValidation,
  schema: KinesisStreamsFieldSchema,
} as const;

export const kinesisAccessPreviewExtension = {
  name: 'KinesisAccessPreview',
  component: KinesisAccessPreview,
  validation: kinesisAccessPreviewValidation,
  schema: KinesisAccessPreviewSchema,
} as const;

/** The field extensions in the shape the scaffolder's form (`Stepper`) takes them. */
export const kinesisAccessFieldExtensionOptions: StepperProps['extensions'] = [
  clickHouseRoleArnFieldExtension,
  kinesisStreamsFieldExtension,
  kinesisAccessPreviewExtension,
].map(({ name, component, validation, schema }) => ({ name, component, validation, schema: schema.schema }));
