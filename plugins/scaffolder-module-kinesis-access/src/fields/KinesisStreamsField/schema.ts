import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { formModeOption } from '../formMode';

/** `KinesisStreamsField` returns the `streams` parameter: rows of stream ARN and optional KMS key ARN. */
export const KinesisStreamsFieldSchema = makeFieldSchema({
  output: (z) =>
    z
      .array(
        z.object({
          arn: z.string().describe('Kinesis data stream ARN'),
          kmsKeyArn: z.string().optional().describe('KMS key ARN of a server-side encrypted stream'),
        }),
      )
      .describe('The Kinesis data streams ClickPipes may read'),
  uiOptions: formModeOption,
});

export type KinesisStreamsFieldProps = typeof KinesisStreamsFieldSchema.TProps;
