/**
 * Grants for tests, planned by the REAL policy model: the repository's example grants plus a few that cover what
 * the examples do not (an upsolver IAM user, resource policies in two regions).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type GrantPlan, type GrantSpec, parseGrantYaml, planGrant } from '@kinesis-access/policy-model';

export const EXAMPLE_GRANTS_DIR = path.resolve(__dirname, '../../../../examples/grants');

export interface TestGrant {
  readonly file: string;
  readonly yaml: string;
  readonly spec: GrantSpec;
  readonly plan: GrantPlan;
}

export function compileYaml(yaml: string, file = '(inline)'): TestGrant {
  const parsed = parseGrantYaml(yaml);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
  const planned = planGrant(parsed.value);
  if (!planned.ok) throw new Error(`${file}: ${JSON.stringify(planned.problems)}`);
  return { file, yaml, spec: parsed.value, plan: planned.value };
}

export function exampleGrants(): TestGrant[] {
  return fs
    .readdirSync(EXAMPLE_GRANTS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => compileYaml(fs.readFileSync(path.join(EXAMPLE_GRANTS_DIR, f), 'utf8'), f));
}

export const UPSOLVER_IAM_USER_YAML = `apiVersion: kinesis-access/v1
kind: KinesisAccessGrant
metadata:
  name: legacy-upsolver-user
spec:
  profile: upsolver
  principal:
    roleArn: arn:aws:iam::111122223333:role/upsolver-data-plane
  upsolver:
    credentials: iam-user
  streams:
    - arn: arn:aws:kinesis:eu-west-1:123456789012:stream/legacy-events
`;

export const SHARED_TWO_REGIONS_YAML = `apiVersion: kinesis-access/v1
kind: KinesisAccessGrant
metadata:
  name: shared-two-regions
spec:
  profile: read
  principal:
    roleArn: arn:aws:iam::123456789012:role/metrics-exporter
  role:
    path: /kinesis-access/
    permissionsBoundaryArn: arn:aws:iam::123456789012:policy/data-platform-boundary
    maxSessionDuration: 7200
    tags:
      team: data
      cost-center: "42"
  resourcePolicy:
    principals:
      - arn:aws:iam::111122223333:role/partner-analytics-reader
  streams:
    - arn: arn:aws:kinesis:us-east-1:123456789012:stream/device-metrics
    - arn: arn:aws:kinesis:eu-west-1:123456789012:stream/device-metrics-eu
      kmsKeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
`;

/** A one-stream clickpipes grant (what the bench multiplies). */
export function clickpipesYaml(name: string, accountId = '123456789012', region = 'us-east-1'): string {
  return `apiVersion: kinesis-access/v1
kind: KinesisAccessGrant
metadata:
  name: ${name}
spec:
  profile: clickpipes
  principal:
    roleArn: arn:aws:iam::111122223333:role/ClickHouse-Service-Role
  streams:
    - arn: arn:aws:kinesis:${region}:${accountId}:stream/${name}
`;
}

/** Example grants + the extra ones above. */
export function allTestGrants(): TestGrant[] {
  return [
    ...exampleGrants(),
    compileYaml(UPSOLVER_IAM_USER_YAML, 'legacy-upsolver-user.yaml'),
    compileYaml(SHARED_TWO_REGIONS_YAML, 'shared-two-regions.yaml'),
  ];
}
