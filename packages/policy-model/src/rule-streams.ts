/**
 * Rule for `spec.streams`: no duplicates, each key in its stream's region, and all streams in one partition and
 * one account. The streams that differ from the majority are blamed; without a majority the whole list is named
 * with every value, never the streams that agree.
 */
import { type KinesisStreamArn, parseKmsKeyArn, parseStreamArn } from './arn';
import { compareCodeUnits } from './compare';
import { type PathSegment, received } from './problems';
import { type AddProblem, asArray, asObj, type RuleInput, type StreamFacts } from './rule-context';

interface StreamAt {
  readonly index: number;
  readonly arn: KinesisStreamArn;
  readonly text: string;
}

export function streamRules({ spec, add }: RuleInput): StreamFacts {
  const streams: StreamAt[] = [];
  const seen = new Map<string, number>();
  asArray(spec.streams).forEach((item, index) => {
    const stream = asObj(item);
    if (typeof stream?.arn !== 'string') return;
    const parsed = parseStreamArn(stream.arn);
    if (!parsed.ok) return;
    const arn = parsed.arn;
    const duplicate = seen.get(stream.arn);
    if (duplicate !== undefined) {
      add(
        ['spec', 'streams', index, 'arn'],
        received(`duplicate stream: same as spec.streams[${duplicate}].arn`, stream.arn),
      );
    } else {
      seen.set(stream.arn, index);
    }
    if (typeof stream.kmsKeyArn === 'string') {
      const key = parseKmsKeyArn(stream.kmsKeyArn);
      if (key.ok && (key.arn.region !== arn.region || key.arn.partition !== arn.partition)) {
        add(
          ['spec', 'streams', index, 'kmsKeyArn'],
          received(
            `the KMS key must be in the stream's region ${arn.region} (partition ${arn.partition}), but it is in ${key.arn.region} (partition ${key.arn.partition})`,
            stream.kmsKeyArn,
          ),
        );
      }
    }
    streams.push({ index, arn, text: stream.arn });
  });
  const agreedPartition = oneOf(streams, (s) => s.arn.partition, 'partition', add);
  const agreedAccount =
    agreedPartition !== undefined || streams.length === 0
      ? oneOf(streams, (s) => s.arn.accountId, 'account', add)
      : undefined;
  const partition = agreedPartition ?? streams[0]?.arn.partition;
  const accountId = agreedAccount ?? streams[0]?.arn.accountId;
  return {
    partition,
    accountId,
    samePartition: (path: PathSegment[], value: string, actual: string) => {
      if (partition !== undefined && actual !== partition) {
        add(
          path,
          received(`must be in the streams' partition "${partition}", but it is in "${actual}"`, value),
        );
      }
    },
  };
}

/**
 * The one value (partition or account) all streams share. When they differ, the streams outside the majority
 * are blamed, each naming the majority; without a strict majority every stream gets a problem naming every value
 * and its streams. Returns the shared or majority value (undefined when there is no majority).
 */
function oneOf(
  streams: readonly StreamAt[],
  keyOf: (s: StreamAt) => string,
  what: 'partition' | 'account',
  add: AddProblem,
): string | undefined {
  const groups = new Map<string, number[]>();
  for (const s of streams) {
    const value = keyOf(s);
    const group = groups.get(value);
    if (group) group.push(s.index);
    else groups.set(value, [s.index]);
  }
  if (groups.size <= 1) return groups.keys().next().value;
  const quote = (v: string) => (what === 'partition' ? `"${v}"` : v);
  const list = (indexes: readonly number[]) => indexes.map((i) => `spec.streams[${i}]`).join(', ');
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const [top, second] = sorted as [[string, number[]], [string, number[]]];
  if (top[1].length > second[1].length) {
    for (const s of streams) {
      const value = keyOf(s);
      if (value === top[0]) continue;
      add(
        ['spec', 'streams', s.index, 'arn'],
        received(
          `all streams of a grant must be in one ${what}: this one is in ${quote(value)}, the other ${top[1].length} of ${streams.length} (${list(top[1])}) in ${quote(top[0])}`,
          s.text,
        ),
      );
    }
    return top[0];
  }
  const spans = [...groups.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([value, indexes]) => `${quote(value)} (${list(indexes)})`)
    .join('; ');
  // No majority: no stream is the odd one out, so each one gets the whole list (a form shows it on every row).
  for (const s of streams) {
    add(
      ['spec', 'streams', s.index, 'arn'],
      received(
        `all streams of a grant must be in one ${what}, but they are split evenly: ${spans}. Split the grant, one per ${what}`,
        s.text,
      ),
    );
  }
  return undefined;
}
