import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { formProblemMessage } from '@kinesis-access/policy-model';
import { type FormAnalysis, fieldProblems } from '../../analysis';
import { formAnalysisForValidation } from '../../change/useFormAnalysis';

/**
 * What the preview lists while the form is not a valid grant or change: every model problem, named the way the
 * actions name them (the model's `formProblemMessage`), or why the current grant could not be read.
 * With `onlyUnshown`, the problems the ClickHouse role ARN and streams fields already show are left out.
 */
export function previewMessages(
  analysis: FormAnalysis,
  options: { readonly onlyUnshown?: boolean } = {},
): string[] {
  if (analysis.status === 'waiting') {
    const { current } = analysis;
    if (current.status === 'failed') return [`The current grant could not be read: ${current.message}`];
    if (current.status === 'incomplete')
      return [`Fill in ${current.missing.join(' and ')} to read the grant to change.`];
    return [];
  }
  const { problems } = analysis.analysis;
  const shownByFields = new Set(
    options.onlyUnshown ? [...fieldProblems(analysis, 'roleArn'), ...fieldProblems(analysis, 'streams')] : [],
  );
  return problems.filter((p) => !shownByFields.has(p)).map((p) => formProblemMessage(p, analysis.form));
}

/** Blocks the step while the model cannot plan the grant (or the change) for reasons the other fields do not report. */
export const kinesisAccessPreviewValidation: CustomFieldValidator<string | undefined> = async (
  _value,
  validation,
  context,
) => {
  const analysis = await formAnalysisForValidation(context, context.formData);
  for (const message of previewMessages(analysis, { onlyUnshown: true })) validation.addError(message);
};
