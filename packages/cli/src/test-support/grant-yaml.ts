/** Grant files for the CLI tests, as YAML text (the CLI reads files). */

export interface GrantOptions {
  readonly name: string;
  readonly profile?: string;
  readonly account?: string;
  readonly stream?: string;
  readonly roleName?: string;
  /** Extra YAML lines appended under `spec:` (already indented by two spaces). */
  readonly specExtra?: string;
  /** Extra YAML lines under `spec.principal:`, after `roleArn` (already indented by four spaces). */
  readonly principalExtra?: readonly string[];
  /** The YAML lines under `spec.streams:` (already indented), in place of the one `stream`. */
  readonly streamLines?: readonly string[];
}

/** A valid grant file (unless the options make it invalid). */
export function grantYaml(options: GrantOptions): string {
  const account = options.account ?? '123456789012';
  const lines = [
    'apiVersion: kinesis-access/v1',
    'kind: KinesisAccessGrant',
    'metadata:',
    `  name: ${options.name}`,
    'spec:',
    `  profile: ${options.profile ?? 'clickpipes'}`,
    '  principal:',
    '    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
    ...(options.principalExtra ?? []),
  ];
  if (options.roleName !== undefined) lines.push('  role:', `    name: ${options.roleName}`);
  lines.push(
    '  streams:',
    ...(options.streamLines ?? [
      `    - arn: arn:aws:kinesis:us-east-1:${account}:stream/${options.stream ?? 'orders'}`,
    ]),
  );
  if (options.specExtra !== undefined) lines.push(options.specExtra);
  return `${lines.join('\n')}\n`;
}

/** A valid grant the model warns about: upsolver with the IAM-user opt-in (its keys end up in Terraform state). */
export function warnedGrantYaml(): string {
  return grantYaml({
    name: 'events-upsolver',
    profile: 'upsolver',
    specExtra: '  upsolver:\n    credentials: iam-user',
  });
}
