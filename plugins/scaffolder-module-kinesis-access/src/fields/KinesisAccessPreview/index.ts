export { KinesisAccessPreview } from './KinesisAccessPreview';
export { KinesisAccessPreviewSchema, type KinesisAccessPreviewProps } from './schema';
export { kinesisAccessPreviewValidation } from './validation';
