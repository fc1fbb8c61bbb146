/**
 * Public types of the kinesis-access policy model.
 *
 * Everything a renderer (CLI, CDKTF, Backstage action, form fields) needs is described here.
 * Renderers never compute IAM themselves: they take a {@link GrantPlan} and print it.
 */

import type { PROFILE_NAMES } from './profiles';

/** AWS partitions the model supports. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** Access profiles. Each one follows its clients' public documentation (see docs/profiles.md). */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** KCL major versions the kcl-consumer profile supports. */
export type KclVersion = 2 | 3;

/** Extra trust actions a grant may allow besides `sts:AssumeRole`. */
export type ExtraTrustAction = 'sts:TagSession' | 'sts:SetSourceIdentity';

/** One stream of a grant, as written in the grant file. */
export interface GrantStream {
  readonly arn: string;
  /** KMS key of a server-side encrypted stream (key id ARN or `mrk-` multi-region key ARN; no aliases). */
  readonly kmsKeyArn?: string;
}

/** A validated grant file (apiVersion kinesis-access/v1). Produced by {@link validateGrant} / {@link parseGrantYaml}. */
export interface GrantSpec {
  readonly apiVersion: 'kinesis-access/v1';
  readonly kind: 'KinesisAccessGrant';
  readonly metadata: {
    /** lowercase letters, digits and '-'; unique in the repo. */
    readonly name: string;
    readonly description?: string;
  };
  readonly spec: {
    /** @default 'clickpipes' */
    readonly profile: ProfileName;
    readonly principal: {
      /** The principal that may assume the role (ClickHouse service role for `clickpipes`). */
      readonly roleArn: string;
      /** More principals that may assume the role. */
      readonly additionalRoleArns?: readonly string[];
      /**
       * Adds a `sts:ExternalId` condition to the trust policy. Refused on `clickpipes` (ClickPipes sends none);
       * required on `upsolver` in role mode (Upsolver's role-based setup uses one).
       */
      readonly externalId?: string;
      /** Extra trust actions besides sts:AssumeRole. */
      readonly extraTrustActions?: readonly ExtraTrustAction[];
    };
    readonly role?: {
      readonly name?: string;
      /** @default '/' */
      readonly path?: string;
      readonly permissionsBoundaryArn?: string;
      /** seconds, 3600..43200. @default 3600 */
      readonly maxSessionDuration?: number;
      readonly tags?: Readonly<Record<string, string>>;
    };
    readonly streams: readonly GrantStream[];
    /** Required by the kcl-consumer profile. */
    readonly kcl?: {
      /** KCL application name = DynamoDB lease table name, enhanced fan-out consumer name and CloudWatch namespace. */
      readonly applicationName: string;
      /** Region of the lease table and metrics. @default the region of the first stream in ARN order */
      readonly region?: string;
      /**
       * KCL major version. 3 adds the lease table's index (Query, UpdateTable) and the `<app>-WorkerMetricStats` and
       * `<app>-CoordinatorState` tables; 2 leaves them out. @default 3
       */
      readonly version?: KclVersion;
      /** CloudWatch namespace of the KCL metrics (KCL's `namespace`). @default applicationName */
      readonly metricsNamespace?: string;
    };
    /**
     * Name of the enhanced fan-out consumer the client registers and reads through (kcl-consumer, read,
     * read-write). Consumer-level actions go on `…/consumer/<consumerName>:*` only.
     * @default kcl-consumer: kcl.applicationName (KCL's default); read / read-write: any consumer of the stream
     */
    readonly consumerName?: string;
    /**
     * write / read-write only: opt in to the Kinesis Producer Library's CloudWatch metrics
     * (`cloudwatch:PutMetricData` in one namespace). Off by default.
     */
    readonly kplMetrics?: {
      /** The KPL's `MetricsNamespace`. @default 'KinesisProducerLibrary' */
      readonly namespace?: string;
    };
    /** upsolver profile only. */
    readonly upsolver?: {
      /** 'role' (default) or an IAM user with an access key (explicit opt-in; the secret lands in Terraform state). */
      readonly credentials: 'role' | 'iam-user';
    };
    /** Opt-in stream resource policies for cross-account access (shareable actions only). */
    readonly resourcePolicy?: {
      /** Principals (IAM role/user ARNs or 12-digit account root ARNs) granted on each stream. No wildcards. */
      readonly principals: readonly string[];
    };
    readonly quotas?: {
      /** Managed policies attached per role. @default 10 (20 with a raised quota) */
      readonly maxManagedPolicies?: number;
    };
  };
}

/** One problem found while validating or planning a grant. */
export interface Problem {
  /** Field path, e.g. `spec.streams[1].arn`; `''` for the whole document (e.g. YAML syntax errors). */
  readonly path: string;
  /** What is wrong and what was received, e.g. `must be a Kinesis stream ARN, received "arn:aws:s3:::x"`. */
  readonly message: string;
  /** 1-based source line when the input came from YAML text. */
  readonly line?: number;
  readonly column?: number;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: { readonly AWS: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export interface ManagedPolicyPlan {
  /** Deterministic policy name, e.g. `<roleName>-1`. */
  readonly name: string;
  readonly document: PolicyDocument;
}

export interface ResourcePolicyPlan {
  readonly resourceArn: string;
  /** Region of the resource (renderers need an aliased provider per region). */
  readonly region: string;
  readonly document: PolicyDocument;
}

export interface QuotaUse {
  readonly name: string;
  readonly used: number;
  readonly limit: number;
}

/** Everything renderers need for one grant. Deterministic: same spec → deep-equal plan. */
export interface GrantPlan {
  readonly grantName: string;
  readonly profile: ProfileName;
  readonly partition: Partition;
  readonly accountId: string;
  readonly role: {
    readonly name: string;
    readonly path: string;
    /** The role ARN as it will be after apply. */
    readonly arn: string;
    readonly description: string;
    readonly maxSessionDuration: number;
    readonly permissionsBoundaryArn?: string;
    /** Sorted by key. */
    readonly tags: Readonly<Record<string, string>>;
  };
  readonly trustPolicy: PolicyDocument;
  /** Permission statements packed into managed policies within the size quota. */
  readonly policies: readonly ManagedPolicyPlan[];
  readonly resourcePolicies: readonly ResourcePolicyPlan[];
  /** Only for upsolver with credentials 'iam-user'. */
  readonly iamUser?: {
    readonly name: string;
    readonly path: string;
    /** Names of the managed policies (from `policies`) to attach to the user. */
    readonly policyNames: readonly string[];
  };
  readonly warnings: readonly string[];
  readonly quotas: readonly QuotaUse[];
  /** Streams the grant covers, parsed. */
  readonly streams: readonly {
    readonly arn: string;
    readonly region: string;
    readonly name: string;
    readonly kmsKeyArn?: string;
  }[];
}

/** The JSON contract of `kinesis-access render --format json` (DESIGN.md). */
export interface RenderedGrant {
  readonly roleName: string;
  readonly rolePath: string;
  readonly trustPolicy: PolicyDocument;
  readonly policies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  readonly resourcePolicies: readonly { readonly resourceArn: string; readonly document: PolicyDocument }[];
}

/** A lint finding from {@link lintPolicyDocument}. */
export interface LintFinding {
  readonly kind: 'unknown-action' | 'resource-type-mismatch' | 'wildcard' | 'invalid-condition';
  readonly statement: number;
  readonly message: string;
}
