/**
 * Types of the IAM test kit. Deliberately structural (no import of @kinesis-access/policy-model): the kit is the
 * model's independent oracle, and the model's own tests depend on it, so it must not depend on the model.
 */

export type ProfileName = 'clickpipes' | 'read' | 'write' | 'read-write' | 'kcl-consumer' | 'upsolver';

/** Any IAM policy document (the model's PolicyDocument, or JSON parsed from a terraform plan). */
export interface PolicyDocumentLike {
  readonly Version: string;
  readonly Statement: unknown;
}

/** The policies to check: what a renderer produced or terraform planned. */
export interface GrantPolicies {
  /** Trust (assume-role) policy of the granted role. Absent for an IAM-user grant. */
  readonly trustPolicy?: PolicyDocumentLike;
  /** Every permission policy attached to the granted identity (all packed managed policies). */
  readonly permissionPolicies: readonly PolicyDocumentLike[];
  /** Stream resource policies (cross-account sharing). */
  readonly resourcePolicies?: readonly {
    readonly resourceArn: string;
    readonly document: PolicyDocumentLike;
  }[];
}

/**
 * What the grant is meant to allow: taken from the grant INPUT (the GrantSpec), never from the rendered
 * statements, so that the matrix is not circular.
 */
export interface GrantIntent {
  readonly profile: ProfileName;
  /** ARN of the identity the permission policies are attached to (the granted role, or the IAM user). */
  readonly identityArn: string;
  /** Principals that must be able to assume the role (empty for an IAM user). */
  readonly trustedPrincipals: readonly string[];
  readonly externalId?: string;
  /** Extra trust actions asked for besides sts:AssumeRole. */
  readonly extraTrustActions?: readonly string[];
  readonly streams: readonly { readonly arn: string; readonly kmsKeyArn?: string }[];
  /** kcl-consumer: lease table name / metric namespace and the region of the table, KCL version (default 3). */
  readonly kcl?: {
    readonly applicationName: string;
    readonly region: string;
    readonly version?: 2 | 3;
    /** @default applicationName */
    readonly metricsNamespace?: string;
  };
  /**
   * The enhanced fan-out consumer the client reads through (its name); undefined when the client names its
   * consumers itself or reads through any consumer.
   */
  readonly consumerName?: string;
  /** write / read-write: the KPL metrics were opted in, in this namespace. */
  readonly kplMetrics?: { readonly namespace: string };
  /** Principals that the stream resource policies must share with. */
  readonly resourcePolicyPrincipals?: readonly string[];
}

export type Decision = 'Allowed' | 'Denied';

export type CellGroup =
  | 'trust'
  | 'stream'
  | 'consumer'
  | 'account-wide'
  | 'foreign-stream'
  | 'kms'
  | 'kcl'
  | 'metrics'
  | 'other-service'
  | 'resource-policy';

/** One request sent to the simulator. */
export interface SimRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account that owns the resource. */
  readonly resourceAccount: string;
  readonly context: Readonly<Record<string, string>>;
}

/** Which policies take part in a cell's evaluation. */
export type CellSetup =
  /** the granted identity's permission policies (+ the resource's own resource policy, if the grant has one) */
  | { readonly kind: 'identity' }
  /** the permission policies + the default KMS key policy that delegates to IAM */
  | { readonly kind: 'kms' }
  /** the trust policy as the role's resource policy; the caller's own side allows sts:* */
  | { readonly kind: 'trust' }
  /** a stream resource policy (or none); the external caller's own side allows kinesis:* */
  | { readonly kind: 'resource-policy'; readonly policyOf?: string };

export interface MatrixCell {
  readonly group: CellGroup;
  /** Why this cell exists, in words (e.g. "write action denied for a read profile"). */
  readonly why: string;
  readonly request: SimRequest;
  readonly expected: Decision;
  readonly setup: CellSetup;
}

export interface MatrixFailure {
  readonly group: CellGroup | 'structure';
  readonly why: string;
  readonly request?: SimRequest;
  readonly expected: Decision | string;
  /** The simulator's answer (Allowed / ImplicitlyDenied / ExplicitlyDenied) or `error: …`. */
  readonly got: string;
}

export interface MatrixOptions {
  /**
   * 'full' (default) checks every Kinesis action of the AWS catalog on every resource type of every granted
   * stream, every key-scoped KMS action and every DynamoDB table action; 'quick' checks the required actions
   * plus a fixed list of dangerous ones (writes, admin, cross-profile) — for property runs.
   */
  readonly depth?: 'full' | 'quick';
  /**
   * Whether the KMS statements must require the Kinesis encryption context (`aws:kinesis:arn` = stream ARN).
   * @default 'required'
   */
  readonly kmsEncryptionContext?: 'required' | 'optional';
  /**
   * 'validated' (default): the validating simulator for every cell (catches a cell on a resource type the action
   * is not authorised on, unknown actions, malformed policies). 'fast': validate the policies once, then decide
   * each cell without re-validation (≈10× faster; for property runs).
   */
  readonly engine?: 'validated' | 'fast';
}

export interface MatrixResult {
  readonly cells: number;
  readonly failures: readonly MatrixFailure[];
}
