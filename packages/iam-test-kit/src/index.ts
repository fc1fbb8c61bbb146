/**
 * @packageDocumentation
 * Test-only IAM simulation matrix for kinesis-access grants. Private, never published, only ever a
 * devDependency: it runs the AGPL @cloud-copilot/iam-simulate.
 */

export { consumerArn } from './arn';
export { kinesisViaService } from './cells/kms';
export { type GrantSpecLike, type IdentityRef, intentFromGrant } from './intent';
export { buildMatrix } from './matrix';
export {
  type ActionSets,
  clientsOf,
  expectationFor,
  KCL_TABLE_KINDS,
  type KclTableKind,
  PROFILES,
  type ProfileExpectation,
  requirementsOf,
} from './profiles';
export {
  REQUIREMENTS_BEGIN,
  REQUIREMENTS_END,
  renderRequirementsMarkdown,
  replaceRequirementsSection,
} from './render-requirements';
export { expectGrantSemantics, formatFailure } from './report';
export {
  CLIENTS,
  type ClientId,
  REQUIREMENTS,
  type Requirement,
  type RequirementCondition,
  type RequirementResource,
  SOURCES,
  type Source,
  type SourceId,
  TRUST_REQUIREMENTS,
} from './requirements';
export { checkGrantSemantics, runGrantMatrix } from './run';
export { defaultKeyPolicy } from './setups';
export { type SimOutcome, type SimulationSetup, simulate } from './simulate';
export type {
  CellGroup,
  CellSetup,
  Decision,
  GrantIntent,
  GrantPolicies,
  MatrixCell,
  MatrixFailure,
  MatrixOptions,
  MatrixResult,
  PolicyDocumentLike,
  ProfileName,
  SimRequest,
} from './types';
