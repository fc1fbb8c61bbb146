import {
  doc001Permissions,
  doc002Policy,
  grant,
  KEY,
  manyStreams,
  streamArn,
} from '@kinesis-access/fixtures';
import { lintPolicyDocument } from './lint';
import { compileGrant } from './plan';
import { PROFILE_NAMES } from './profiles';
import type { GrantPlan, LintFinding, PolicyDocument, PolicyStatement } from './types';

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const allow = (
  Action: string[],
  Resource: string | string[],
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const kinds = (findings: LintFinding[]) => findings.map((f) => `${f.statement}:${f.kind}`);
const ORDERS = streamArn('orders');

function documents(p: GrantPlan): PolicyDocument[] {
  return [p.trustPolicy, ...p.policies.map((x) => x.document), ...p.resourcePolicies.map((x) => x.document)];
}

describe('lintPolicyDocument over every profile', () => {
  it.each(PROFILE_NAMES)('%s: trust, permission and resource policies are clean', (profile) => {
    const result = compileGrant(
      grant({
        profile,
        streams: [{ arn: ORDERS, kmsKeyArn: KEY }, ...manyStreams(3, 'eu-west-1')],
        principal: {
          roleArn: 'arn:aws:iam::111122223333:role/ch',
          ...(profile === 'clickpipes' ? {} : { externalId: 'x1' }),
          extraTrustActions: ['sts:TagSession', 'sts:SetSourceIdentity'],
        },
        resourcePolicy: { principals: ['arn:aws:iam::444455556666:root'] },
        ...(profile === 'upsolver' ? { upsolver: { credentials: 'iam-user' } } : {}),
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    for (const document of documents(result.value)) expect(lintPolicyDocument(document)).toEqual([]);
  });
});

describe('lintPolicyDocument catches bad documents', () => {
  it('flags the ClickPipes doc (001): DeregisterStreamConsumer on a stream, consumers as stream/NAME/*', () => {
    const findings = lintPolicyDocument(doc001Permissions as PolicyDocument);
    expect(kinds(findings)).toEqual(['0:resource-type-mismatch', '1:wildcard', '1:wildcard']);
    expect(findings[0]?.message).toMatch(
      /kinesis:DeregisterStreamConsumer is authorised on consumer resources/,
    );
  });

  it('flags the Upsolver doc (002): "kinesis: Get*"', () => {
    const findings = lintPolicyDocument(doc002Policy as PolicyDocument);
    expect(kinds(findings)).toEqual(['0:unknown-action', '0:wildcard']);
  });

  it('flags action and resource wildcards (003 examples 2-4)', () => {
    expect(kinds(lintPolicyDocument(doc(allow(['kinesis:*'], [ORDERS]))))).toEqual(['0:wildcard']);
    expect(
      kinds(
        lintPolicyDocument(
          doc(allow(['kinesis:PutRecord'], ['arn:aws:kinesis:us-east-1:111122223333:stream/*'])),
        ),
      ),
    ).toEqual(['0:wildcard']);
    expect(kinds(lintPolicyDocument(doc(allow(['kinesis:GetRecords'], '*'))))).toEqual(['0:wildcard']);
    expect(
      kinds(
        lintPolicyDocument(
          doc(allow(['kinesis:GetRecords'], ['arn:aws:kinesis:*:111122223333:stream/orders'])),
        ),
      ),
    ).toEqual(['0:wildcard']);
    expect(
      kinds(
        lintPolicyDocument(
          doc(
            allow(
              ['kinesis:SubscribeToShard'],
              ['arn:aws:kinesis:us-east-1:111122223333:stream/*/consumer/*'],
            ),
          ),
        ),
      ),
    ).toEqual(['0:wildcard']);
  });

  it('accepts a trailing * only for what the client or AWS names: consumer name, its timestamp, an index name', () => {
    const table = 'arn:aws:dynamodb:us-east-1:123456789012:table/app';
    const clean = [
      allow(['kinesis:SubscribeToShard'], [`${ORDERS}/consumer/*`]),
      allow(['kinesis:SubscribeToShard'], [`${ORDERS}/consumer/app:*`]),
      allow(['dynamodb:Query'], [`${table}/index/*`]),
    ];
    for (const statement of clean) expect(lintPolicyDocument(doc(statement))).toEqual([]);
    const wide = [
      allow(['kinesis:SubscribeToShard'], [`${ORDERS}/consumer/app*`]),
      allow(['dynamodb:Query'], ['arn:aws:dynamodb:us-east-1:123456789012:table/*']),
      allow(['dynamodb:Query'], [`${table}*`]),
      allow(['kinesis:GetRecords'], [`${ORDERS}*`]),
    ];
    for (const statement of wide) expect(kinds(lintPolicyDocument(doc(statement)))).toEqual(['0:wildcard']);
  });

  it('flags wildcard principals', () => {
    const statement = { ...allow(['kinesis:GetRecords'], [ORDERS]), Principal: { AWS: '*' } };
    expect(kinds(lintPolicyDocument(doc(statement)))).toEqual(['0:wildcard']);
  });

  it('flags unknown actions and services', () => {
    expect(
      kinds(
        lintPolicyDocument(doc(allow(['kinesis:ReadEverything', 's3:GetObject', 'GetRecords'], [ORDERS]))),
      ),
    ).toEqual(['0:unknown-action', '0:unknown-action', '0:unknown-action']);
  });

  it('flags actions on resource types AWS does not authorise', () => {
    const findings = lintPolicyDocument(
      doc(
        allow(['kinesis:SubscribeToShard'], [ORDERS]),
        allow(['kinesis:ListStreams'], [ORDERS]),
        allow(['kinesis:GetRecords'], [`${ORDERS}/consumer/app:1674696300`]),
        allow(['kms:Decrypt'], [ORDERS]),
        allow(['dynamodb:GetItem'], ['arn:aws:dynamodb:us-east-1:123456789012:table/t']),
      ),
    );
    expect(kinds(findings)).toEqual([
      '0:resource-type-mismatch',
      '1:resource-type-mismatch',
      '2:resource-type-mismatch',
      '3:resource-type-mismatch',
    ]);
  });

  it('accepts actions case-insensitively, as IAM does', () => {
    expect(
      lintPolicyDocument(doc(allow(['Kinesis:getrecords'.replace('Kinesis', 'kinesis')], [ORDERS]))),
    ).toEqual([]);
  });

  it('flags unknown condition keys and operators', () => {
    const findings = lintPolicyDocument(
      doc(
        allow(['kms:Decrypt'], [KEY], {
          Condition: {
            StringEquals: { 'kms:ViaService': 'kinesis.us-east-1.amazonaws.com', 'kinesis:Shard': 'x' },
          },
        }),
        allow(['cloudwatch:PutMetricData'], '*', {
          Condition: { StringEqualz: { 'cloudwatch:namespace': 'x' } },
        }),
        allow(['kms:Decrypt'], [KEY], {
          Condition: {
            'ForAnyValue:StringLikeIfExists': {
              'aws:PrincipalTag/team': 'x',
              'kms:EncryptionContext:aws:kinesis:arn': ORDERS,
            },
          },
        }),
      ),
    );
    expect(kinds(findings)).toEqual(['0:invalid-condition', '1:invalid-condition']);
  });
});
