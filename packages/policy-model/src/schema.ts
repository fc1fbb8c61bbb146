/**
 * Grant schema v1 in zod. Objects are strict (unknown keys are errors at every level); each field checks its own
 * format here, cross-field rules live in validate.ts. The JSON Schema for editors is generated from this.
 */
import { z } from 'zod';
import {
  type ArnResult,
  isIamPath,
  parseKmsKeyArn,
  parsePolicyArn,
  parsePrincipalArn,
  parseRoleArn,
  parseStreamArn,
  regionProblem,
} from './arn';
import {
  EXTRA_TRUST_ACTIONS,
  GRANT_NAME,
  GRANT_NAME_MAX,
  KCL_DEFAULT_VERSION,
  KPL_DEFAULT_METRICS_NAMESPACE,
  QUOTAS,
} from './iam';
import { PROFILE_NAMES } from './profiles';
import type { GrantSpec } from './types';

export const API_VERSION = 'kinesis-access/v1';
export const KIND = 'KinesisAccessGrant';

/** A string checked by one of the typed ARN parsers; `pattern` is a coarse hint for editors only. */
function arnString(
  parse: (text: string) => ArnResult<unknown>,
  meta: { description: string; pattern: string; example: string },
) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const result = parse(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason, input: value });
    })
    .meta({ description: meta.description, pattern: meta.pattern, examples: [meta.example] });
}

const PARTITION_PATTERN = 'arn:aws(-cn|-us-gov)?';
const IAM_NAME = /^[\w+=,.@-]+$/;
/** IAM tag keys and values: letters, digits, spaces and _.:/=+-@ (IAM TagResource). */
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
/** IAM role description characters. */
const DESCRIPTION = /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]+$/;
/** DynamoDB table names (the KCL lease table is named after the application). */
const KCL_APPLICATION_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
/** Kinesis consumer names (RegisterStreamConsumer `ConsumerName`). */
const CONSUMER_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
/** CloudWatch namespaces: 1–255 printable ASCII characters, not starting with ":" (and not "AWS/"). */
const METRICS_NAMESPACE = /^(?!:)(?!AWS\/)[\x20-\x7E]{1,255}$/;

const metricsNamespace = (description: string) =>
  z
    .string()
    .regex(METRICS_NAMESPACE, {
      message:
        'a CloudWatch namespace is 1–255 printable ASCII characters, not starting with ":" or "AWS/" (reserved for AWS)',
    })
    .meta({ description });

const streamArnField = arnString(parseStreamArn, {
  description: 'Kinesis data stream ARN. All streams of a grant share one partition and one account.',
  pattern: `^${PARTITION_PATTERN}:kinesis:[a-z0-9-]+:\\d{12}:stream/[a-zA-Z0-9_.-]{1,128}$`,
  example: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
});

const kmsKeyArnField = arnString(parseKmsKeyArn, {
  description:
    "KMS key of a server-side encrypted stream, in the stream's region: a key id ARN or a multi-region (mrk-) key ARN. Aliases are refused.",
  pattern: `^${PARTITION_PATTERN}:kms:[a-z0-9-]+:\\d{12}:key/(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
  example: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
});

const roleArnField = (description: string) =>
  arnString(parseRoleArn, {
    description,
    pattern: `^${PARTITION_PATTERN}:iam::\\d{12}:role/[\\w+=,.@/-]+$`,
    example: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
  });

export const StreamSchema = z
  .strictObject({
    arn: streamArnField,
    kmsKeyArn: kmsKeyArnField.optional(),
  })
  .meta({
    description: 'One stream. Give kmsKeyArn when the stream is encrypted with a customer managed key.',
  });

export const PrincipalSchema = z
  .strictObject({
    roleArn: roleArnField(
      'The IAM role that may assume the granted role (for clickpipes: the ClickHouse service role).',
    ),
    additionalRoleArns: z
      .array(roleArnField('Another IAM role that may assume the granted role.'))
      .optional()
      .meta({ description: 'More roles that may assume the granted role.' }),
    externalId: z
      .string()
      .min(2, { message: 'an external id must be at least 2 characters' })
      .max(1224, { message: 'an external id must be at most 1224 characters' })
      .regex(EXTERNAL_ID, { message: 'an external id may only contain letters, digits and +=,.@:/_-' })
      .optional()
      .meta({ description: 'Adds a `sts:ExternalId` StringEquals condition to the trust policy.' }),
    extraTrustActions: z
      .array(z.enum(EXTRA_TRUST_ACTIONS))
      .optional()
      .meta({ description: 'Trust actions besides sts:AssumeRole: sts:TagSession, sts:SetSourceIdentity.' }),
  })
  .meta({ description: 'Who may assume the role.' });

export const RoleSchema = z
  .strictObject({
    name: z
      .string()
      .min(1, { message: 'a role name must not be empty' })
      .regex(IAM_NAME, { message: 'a role name may only contain letters, digits and +=,.@_-' })
      .optional()
      .meta({
        // The length is a quota: validate.ts reports it naming the grant.
        maxLength: QUOTAS.roleNameLength,
        description:
          'Role name. clickpipes: must start with ClickHouseAccessRole-. Default: ClickHouseAccessRole-<metadata.name> (clickpipes) or kinesis-access-<metadata.name>.',
      }),
    path: z
      .string()
      .refine(isIamPath, {
        message: 'a role path must be "/" or "/a/b/" of letters, digits and +=,.@_- (at most 512 characters)',
      })
      .optional()
      .meta({ description: 'IAM path of the role. Default "/".', pattern: '^/([\\w+=,.@-]+/)*$' }),
    permissionsBoundaryArn: arnString(parsePolicyArn, {
      description: 'Managed policy set as the permissions boundary of the role.',
      pattern: `^${PARTITION_PATTERN}:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$`,
      example: 'arn:aws:iam::123456789012:policy/boundary',
    }).optional(),
    maxSessionDuration: z
      .number()
      .int({ message: 'maxSessionDuration must be a whole number of seconds' })
      .min(3600, { message: 'maxSessionDuration must be at least 3600 seconds' })
      .max(43200, { message: 'maxSessionDuration must be at most 43200 seconds' })
      .optional()
      .meta({ description: 'Maximum session duration in seconds, 3600..43200. Default 3600.' }),
    tags: z
      .record(
        z
          .string()
          .regex(TAG_KEY, { message: 'a tag key must be 1–128 letters, digits, spaces or _.:/=+-@' })
          .refine((key) => !key.toLowerCase().startsWith('aws:'), {
            message: 'tag keys starting with "aws:" are reserved',
          }),
        z
          .string()
          .regex(TAG_VALUE, { message: 'a tag value must be 0–256 letters, digits, spaces or _.:/=+-@' }),
      )
      .optional()
      .meta({ description: `Role tags (at most ${QUOTAS.roleTags}).` }),
  })
  .meta({ description: 'The IAM role to create. All fields optional.' });

export const KclSchema = z
  .strictObject({
    applicationName: z
      .string()
      .regex(KCL_APPLICATION_NAME, {
        message:
          'a KCL application name names the DynamoDB lease table: 3–255 characters of a-z, A-Z, 0-9, "_", "." and "-"',
      })
      .meta({
        description: 'KCL application name = DynamoDB lease table name and CloudWatch metrics namespace.',
      }),
    region: z
      .string()
      .superRefine((value, ctx) => {
        const problem = regionProblem(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
      })
      .optional()
      .meta({
        description:
          'Region of the lease table and metrics. Default: the region of the first stream in ARN order.',
      }),
    version: z
      .literal([2, 3])
      .optional()
      .meta({
        description: `KCL major version. 3 (default: ${KCL_DEFAULT_VERSION}) also grants the lease table's index (Query), UpdateTable, and the <applicationName>-WorkerMetricStats and <applicationName>-CoordinatorState tables; 2 leaves them out.`,
      }),
    metricsNamespace: metricsNamespace(
      "CloudWatch namespace of the KCL metrics (KCL's `namespace`). Default: applicationName.",
    ).optional(),
  })
  .meta({ description: 'kcl-consumer profile only (required there).' });

export const KplMetricsSchema = z
  .strictObject({
    namespace: metricsNamespace(
      `The KPL's MetricsNamespace. Default: ${KPL_DEFAULT_METRICS_NAMESPACE}.`,
    ).optional(),
  })
  .meta({
    description:
      "write / read-write only: opt in to the Kinesis Producer Library's CloudWatch metrics (cloudwatch:PutMetricData in one namespace). Off by default; or turn the metrics off in the KPL (MetricsLevel none).",
  });

export const UpsolverSchema = z
  .strictObject({
    credentials: z.enum(['role', 'iam-user']).default('role').meta({
      description:
        "'role' (default) or 'iam-user': an IAM user with an access key, whose secret access key lands in Terraform state.",
    }),
  })
  .meta({ description: 'upsolver profile only.' });

export const ResourcePolicySchema = z
  .strictObject({
    principals: z
      .array(
        arnString(parsePrincipalArn, {
          description: 'An IAM role, IAM user or account root ARN. No wildcards.',
          pattern: `^${PARTITION_PATTERN}:iam::\\d{12}:(root|role/[\\w+=,.@/-]+|user/[\\w+=,.@/-]+)$`,
          example: 'arn:aws:iam::444455556666:root',
        }),
      )
      .min(1, { message: 'a resource policy needs at least one principal' }),
  })
  .meta({
    description:
      'Opt-in stream resource policies granting these principals the shareable actions of the profile.',
  });

export const QuotasSchema = z
  .strictObject({
    maxManagedPolicies: z
      .number()
      .int({ message: 'maxManagedPolicies must be a whole number' })
      .min(1, { message: 'maxManagedPolicies must be at least 1' })
      .max(QUOTAS.managedPoliciesPerRoleMax, {
        message: `maxManagedPolicies must be at most ${QUOTAS.managedPoliciesPerRoleMax} (the raised IAM quota)`,
      })
      .optional()
      .meta({
        description: `Managed policies per role. Default ${QUOTAS.managedPoliciesPerRole}; up to 20 with a raised quota.`,
      }),
  })
  .meta({ description: 'Quota settings of the account.' });

export const GrantSchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(KIND),
    metadata: z.strictObject({
      name: z
        .string()
        .max(GRANT_NAME_MAX, { message: `a grant name must be at most ${GRANT_NAME_MAX} characters` })
        .regex(GRANT_NAME, {
          message:
            'a grant name must be lowercase letters, digits and "-", starting and ending with a letter or digit',
        })
        .meta({ description: 'Grant name: lowercase letters, digits and "-"; unique in the repository.' }),
      description: z
        .string()
        .max(QUOTAS.roleDescriptionLength, {
          message: `a description must be at most ${QUOTAS.roleDescriptionLength} characters (it becomes the role description)`,
        })
        .regex(DESCRIPTION, {
          message: 'a description may only contain printable Latin-1 characters (IAM role description)',
        })
        .optional()
        .meta({ description: 'Becomes the IAM role description.' }),
    }),
    spec: z.strictObject({
      profile: z
        .enum(PROFILE_NAMES)
        .default('clickpipes')
        .meta({ description: 'Access profile. Default clickpipes.' }),
      principal: PrincipalSchema,
      role: RoleSchema.optional(),
      streams: z
        .array(StreamSchema)
        .min(1, { message: 'a grant needs at least one stream' })
        .meta({ description: 'The streams. One partition and one account; regions may differ.' }),
      kcl: KclSchema.optional(),
      consumerName: z
        .string()
        .regex(CONSUMER_NAME, {
          message: 'a consumer name is 1–128 characters of a-z, A-Z, 0-9, "_", "." and "-"',
        })
        .optional()
        .meta({
          description:
            'Name of the enhanced fan-out consumer the client registers and reads through (kcl-consumer, read, read-write): consumer actions go on that consumer only. Default: kcl.applicationName for kcl-consumer; any consumer of the stream for read and read-write.',
        }),
      kplMetrics: KplMetricsSchema.optional(),
      upsolver: UpsolverSchema.optional(),
      resourcePolicy: ResourcePolicySchema.optional(),
      quotas: QuotasSchema.optional(),
    }),
  })
  .meta({
    title: 'kinesis-access grant (v1)',
    description: 'A declarative grant of access to Kinesis data streams.',
  });

/** Compile-time check: the zod output is the public GrantSpec type. */
const _assignable: (value: z.output<typeof GrantSchema>) => GrantSpec = (value) => value;
void _assignable;

/** JSON Schema (draft 2020-12) of grant files, for editors. */
export const grantJsonSchema: Record<string, unknown> = {
  $id: 'urn:kinesis-access:schema:grant:v1',
  ...z.toJSONSchema(GrantSchema, { io: 'input', target: 'draft-2020-12' }),
};
