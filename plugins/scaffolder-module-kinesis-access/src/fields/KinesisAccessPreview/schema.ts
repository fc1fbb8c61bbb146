import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { formModeOption } from '../formMode';

/** `KinesisAccessPreview` is read-only: it never sets a value of its own. */
export const KinesisAccessPreviewSchema = makeFieldSchema({
  output: (z) => z.string().optional().describe('Read-only preview; holds no value'),
  uiOptions: formModeOption,
});

export type KinesisAccessPreviewProps = typeof KinesisAccessPreviewSchema.TProps;
