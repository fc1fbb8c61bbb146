export { KinesisStreamsField } from './KinesisStreamsField';
export { KinesisStreamsFieldSchema, type KinesisStreamsFieldProps } from './schema';
export { kinesisStreamsValidation } from './validation';
