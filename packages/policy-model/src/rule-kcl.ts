/**
 * Rule for `spec.kcl`: the application name fits a consumer name when KCL names its consumer after it, and the
 * lease table's region is in the streams' partition.
 */
import { regionPartition } from './arn';
import { asObj, type RuleInput, type StreamFacts } from './rule-context';

/** Kinesis consumer names are at most 128 characters. */
const CONSUMER_NAME_MAX = 128;

export function kclRules({ spec, profile, add }: RuleInput, { samePartition }: StreamFacts): void {
  const kcl = asObj(spec.kcl);
  if (
    profile === 'kcl-consumer' &&
    spec.consumerName === undefined &&
    typeof kcl?.applicationName === 'string' &&
    kcl.applicationName.length > CONSUMER_NAME_MAX
  ) {
    add(
      ['spec', 'kcl', 'applicationName'],
      `is ${kcl.applicationName.length} characters: KCL names its enhanced fan-out consumer after the application, and consumer names are at most ${CONSUMER_NAME_MAX} characters (set spec.consumerName to the consumer name the application uses)`,
    );
  }
  if (typeof kcl?.region === 'string') {
    const kclPartition = regionPartition(kcl.region);
    if (kclPartition !== undefined) samePartition(['spec', 'kcl', 'region'], kcl.region, kclPartition);
  }
}
