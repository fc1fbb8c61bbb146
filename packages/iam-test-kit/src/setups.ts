/**
 * Which policies take part in a cell's evaluation: its `CellSetup` turned into the simulator's setup (the
 * granted identity's policies, the default key policy, the trust policy, a stream resource policy).
 */
import { parseArn } from './arn';
import type { SimulationSetup } from './simulate';
import type { GrantPolicies, MatrixCell, PolicyDocumentLike } from './types';

/**
 * The default KMS key policy: the key's account root may use kms:*, i.e. access is decided by IAM policies.
 * For a key in another account than the granted identity, the key owner must also name the identity (the model
 * warns about that); `crossAccountIdentity` adds that statement, so the identity's own policies still decide.
 */
export function defaultKeyPolicy(
  partition: string,
  account: string,
  crossAccountIdentity?: string,
): PolicyDocumentLike {
  const statements: Record<string, unknown>[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (crossAccountIdentity !== undefined && parseArn(crossAccountIdentity).account !== account) {
    statements.push({
      Sid: 'Allow the granted identity of another account',
      Effect: 'Allow',
      Principal: { AWS: crossAccountIdentity },
      Action: 'kms:*',
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The caller's own side of a cross-account call: allows everything of one service, so the grant decides. */
function callerSideAllows(service: string): PolicyDocumentLike {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `${service}:*`, Resource: '*' }] };
}

export function setupFor(
  cell: MatrixCell,
  policies: GrantPolicies,
  rpByArn: Map<string, PolicyDocumentLike>,
): SimulationSetup {
  const setup = cell.setup;
  switch (setup.kind) {
    case 'identity': {
      const rp = rpByArn.get(cell.request.resource);
      return rp === undefined
        ? { identityPolicies: policies.permissionPolicies }
        : { identityPolicies: policies.permissionPolicies, resourcePolicy: rp };
    }
    case 'kms': {
      const k = parseArn(cell.request.resource);
      return {
        identityPolicies: policies.permissionPolicies,
        resourcePolicy: defaultKeyPolicy(k.partition, k.account, cell.request.principal),
      };
    }
    case 'trust':
      return policies.trustPolicy === undefined
        ? { identityPolicies: [callerSideAllows('sts')] }
        : { identityPolicies: [callerSideAllows('sts')], resourcePolicy: policies.trustPolicy };
    case 'resource-policy': {
      const rp = rpByArn.get(setup.policyOf ?? cell.request.resource);
      return rp === undefined
        ? { identityPolicies: [callerSideAllows('kinesis')] }
        : { identityPolicies: [callerSideAllows('kinesis')], resourcePolicy: rp };
    }
  }
}
