import type { Problem } from '@kinesis-access/policy-model';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { analyseFormData, problemsUnder } from '../../analysis';
import { type KinesisStreamInput, streamRowOfPath } from '../../grantInput';
import type { KinesisStreamsFieldSchema } from './schema';

/** The grant path the streams land on. */
export const STREAMS_PATH = 'spec.streams';

const COLUMN_LABELS: Readonly<Record<string, string>> = { arn: 'ARN', kmsKeyArn: 'KMS key ARN' };

/** The model's problems with the streams, given the whole form's data. */
export function streamsProblems(
  formData: unknown,
  value: readonly KinesisStreamInput[] | undefined,
): Problem[] {
  const data = { ...(typeof formData === 'object' && formData !== null ? formData : {}), streams: value };
  return problemsUnder(analyseFormData(data).problems, STREAMS_PATH);
}

/** The model's message, prefixed with the row (and column) it belongs to: `Stream 2 ARN: <message>`. */
export function labelStreamProblem(problem: Problem): string {
  const row = streamRowOfPath(problem.path);
  if (!row) return problem.message;
  const column = row.column === undefined ? '' : ` ${COLUMN_LABELS[row.column] ?? row.column}`;
  return `Stream ${row.index + 1}${column}: ${problem.message}`;
}

/** Adds the policy model's messages for `spec.streams` and every row under it. */
export const kinesisStreamsValidation: CustomFieldValidator<typeof KinesisStreamsFieldSchema.TOutput> = (
  value,
  validation,
  context,
) => {
  for (const problem of streamsProblems(context.formData, value))
    validation.addError(labelStreamProblem(problem));
};
