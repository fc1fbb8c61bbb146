export { KinesisStreamsField } from './KinesisStreamsField';
export { type KinesisStreamsFieldProps, KinesisStreamsFieldSchema } from './schema';
export { kinesisStreamsValidation } from './validation';
