/**
 * The plan's warnings: what the grant cannot do by itself and a reviewer must know (a long-lived access key, key
 * policies in other accounts, key policies for shared principals).
 */
import type { KmsKeyArn } from './arn';

export interface WarningFacts {
  readonly roleName: string;
  /** The streams' account. */
  readonly accountId: string;
  readonly streams: readonly { readonly key?: KmsKeyArn }[];
  /** The grant creates an IAM user with an access key instead of a role. */
  readonly iamUser: boolean;
  /** The grant shares its streams through resource policies. */
  readonly sharesStreams: boolean;
}

export function planWarnings(f: WarningFacts): string[] {
  const warnings: string[] = [];
  if (f.iamUser) {
    warnings.push(
      `spec.upsolver.credentials is "iam-user": an IAM user "${f.roleName}" with a long-lived access key is created, and its secret access key is stored in Terraform state. ` +
        'Keep the state encrypted and access-restricted, rotate the key, and prefer credentials: role.',
    );
  }
  const foreignKeys = [
    ...new Set(
      f.streams.flatMap((s) =>
        s.key !== undefined && s.key.accountId !== f.accountId ? [s.key.accountId] : [],
      ),
    ),
  ];
  for (const keyAccount of foreignKeys.sort()) {
    warnings.push(
      `KMS keys in account ${keyAccount} are used: their key policies must also allow role ${f.roleName} (kms:Decrypt / kms:GenerateDataKey).`,
    );
  }
  if (f.sharesStreams && f.streams.some((s) => s.key !== undefined)) {
    warnings.push(
      "Encrypted streams are shared through resource policies: the KMS key policies (and the shared principals' own IAM policies) must also allow kms:Decrypt / kms:GenerateDataKey for those principals; this grant does not change key policies.",
    );
  }
  return warnings;
}
