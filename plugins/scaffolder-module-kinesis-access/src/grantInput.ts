/**
 * Form data ↔ grant. The mapping itself lives in the policy model (`grantFromTemplateInput`,
 * `templateParameterOfPath`), shared with the `kinesis:access:grant` action so the form and the pull request
 * can never disagree; this file only adds what the streams table needs.
 */
export {
  DEFAULT_TEMPLATE_PROFILE,
  type GrantTemplateInput as KinesisAccessTemplateInput,
  type GrantTemplateStream as KinesisStreamInput,
  grantFromTemplateInput,
  templateParameterOfPath,
} from '@kinesis-access/policy-model';

/** Where a stream-row problem points: the row index and the column (`arn`, `kmsKeyArn`) when it names one. */
export function streamRowOfPath(
  path: string,
): { readonly index: number; readonly column?: string } | undefined {
  const match = /^spec\.streams\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return undefined;
  const index = Number(match[1]);
  return match[2] === undefined ? { index } : { index, column: match[2] };
}
