import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { Problem } from '@kinesis-access/policy-model';
import { FIELD_PATHS, fieldProblems, formOf } from '../../analysis';
import { formAnalysisForValidation } from '../../change/useFormAnalysis';
import { streamRowOfPath } from '../../grantInput';
import type { KinesisStreamsFieldSchema } from './schema';

const COLUMN_LABELS: Readonly<Record<string, string>> = { arn: 'ARN', kmsKeyArn: 'KMS key ARN' };

/** The form data with this field's value in it: `streams` of a new grant, `addStreams` of a change. */
export function withStreams(formData: unknown, value: unknown, streamsPath: string) {
  const key = streamsPath === FIELD_PATHS.change.streams ? 'addStreams' : 'streams';
  return { ...(typeof formData === 'object' && formData !== null ? formData : {}), [key]: value };
}

/** The model's message, prefixed with the row (and column) it belongs to: `Stream 2 ARN: <message>`. */
export function labelStreamProblem(problem: Problem, streamsPath: string): string {
  const row = streamRowOfPath(problem.path, streamsPath);
  if (!row) return problem.message;
  const column = row.column === undefined ? '' : ` ${COLUMN_LABELS[row.column] ?? row.column}`;
  return `Stream ${row.index + 1}${column}: ${problem.message}`;
}

/** Adds the policy model's messages for the streams (`spec.streams`, or the change's `addStreams`) and their rows. */
export const kinesisStreamsValidation: CustomFieldValidator<
  typeof KinesisStreamsFieldSchema.TOutput
> = async (value, validation, context) => {
  const streamsPath = FIELD_PATHS[formOf(context.uiSchema)].streams;
  const analysis = await formAnalysisForValidation(
    context,
    withStreams(context.formData, value, streamsPath),
  );
  for (const problem of fieldProblems(analysis, 'streams'))
    validation.addError(labelStreamProblem(problem, streamsPath));
};
