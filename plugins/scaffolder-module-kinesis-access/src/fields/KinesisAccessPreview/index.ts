export { KinesisAccessPreview } from './KinesisAccessPreview';
export { type KinesisAccessPreviewProps, KinesisAccessPreviewSchema } from './schema';
export { kinesisAccessPreviewValidation } from './validation';
