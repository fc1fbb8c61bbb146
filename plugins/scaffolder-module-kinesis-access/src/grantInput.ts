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

/**
 * Where a stream-row problem points: the row index and the column (`arn`, `kmsKeyArn`) when it names one. The
 * rows are `spec.streams` of a new grant, or `addStreams` of a change.
 */
export function streamRowOfPath(
  path: string,
  streamsPath = 'spec.streams',
): { readonly index: number; readonly column?: string } | undefined {
  if (!path.startsWith(`${streamsPath}[`)) return undefined;
  const match = /^\[(\d+)\](?:\.(\w+))?/.exec(path.slice(streamsPath.length));
  if (!match) return undefined;
  const index = Number(match[1]);
  return match[2] === undefined ? { index } : { index, column: match[2] };
}
