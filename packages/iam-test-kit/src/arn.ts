/** Minimal ARN handling for building probe requests (the kit never validates grants: the model does). */

export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(arn: string): ParsedArn {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn')
    throw new Error(`iam-test-kit: not an ARN: ${JSON.stringify(arn)}`);
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

export function buildArn(a: ParsedArn): string {
  return `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`;
}

export interface StreamRef {
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

export function parseStreamArn(arn: string): StreamRef {
  const p = parseArn(arn);
  if (p.service !== 'kinesis' || !p.resource.startsWith('stream/')) {
    throw new Error(`iam-test-kit: not a Kinesis stream ARN: ${JSON.stringify(arn)}`);
  }
  return {
    arn,
    partition: p.partition,
    region: p.region,
    account: p.account,
    name: p.resource.slice('stream/'.length),
  };
}

export function streamArn(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:kinesis:${region}:${account}:stream/${name}`;
}

/** A registered-consumer ARN of a stream: the named consumer, or a probe consumer when the name is not known. */
export function consumerArn(stream: string, name = 'kinesis-access-probe'): string {
  return `${stream}/consumer/${name}:1700000000`;
}

/** Regions per partition used to build "other region" probes. */
export const PARTITION_REGIONS: Readonly<Record<string, readonly string[]>> = {
  aws: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'sa-east-1', 'eu-central-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};

/** For "other partition" probes: a partition and one of its regions different from `partition`. */
export function otherPartition(partition: string): { partition: string; region: string } {
  return partition === 'aws'
    ? { partition: 'aws-cn', region: 'cn-north-1' }
    : { partition: 'aws', region: 'us-east-1' };
}

/** An account id not in `taken`. */
export function otherAccount(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (const candidate of ['999999999999', '888888888888', '777777777777', '000000000001']) {
    if (!used.has(candidate)) return candidate;
  }
  throw new Error('iam-test-kit: no free probe account id');
}

/** The role/user-independent account of a principal ARN (or a bare 12-digit account id). */
export function principalAccount(principal: string): string {
  return /^\d{12}$/.test(principal) ? principal : parseArn(principal).account;
}

export function isAccountPrincipal(principal: string): boolean {
  return /^\d{12}$/.test(principal) || /^arn:[^:]+:iam::\d{12}:root$/.test(principal);
}
