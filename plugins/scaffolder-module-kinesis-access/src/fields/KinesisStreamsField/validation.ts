import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { Problem } from '@kinesis-access/policy-model';
import { fieldValidator } from '../../change/useFormAnalysis';
import { streamRowOfPath } from '../../grantInput';
import type { KinesisStreamsFieldSchema } from './schema';

const COLUMN_LABELS: Readonly<Record<string, string>> = { arn: 'ARN', kmsKeyArn: 'KMS key ARN' };

/**
 * The model's message, prefixed with the row (and column) it belongs to: `Stream 2 ARN: <message>`. The rows are
 * under `streamsPath` (`spec.streams` of a new grant, `addStreams` of a change).
 */
export function labelStreamProblem(problem: Problem, streamsPath: string): string {
  const row = streamRowOfPath(problem.path, streamsPath);
  if (!row) return problem.message;
  const column = row.column === undefined ? '' : ` ${COLUMN_LABELS[row.column] ?? row.column}`;
  return `Stream ${row.index + 1}${column}: ${problem.message}`;
}

/** Adds the policy model's messages for the streams (`spec.streams`, or the change's `addStreams`) and their rows. */
export const kinesisStreamsValidation: CustomFieldValidator<typeof KinesisStreamsFieldSchema.TOutput> =
  fieldValidator<typeof KinesisStreamsFieldSchema.TOutput>('streams', labelStreamProblem);
