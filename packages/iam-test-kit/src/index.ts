/**
 * @packageDocumentation
 * Test-only IAM simulation matrix for kinesis-access grants. Private, never published, only ever a
 * devDependency: it runs the AGPL @cloud-copilot/iam-simulate.
 */

export { consumerArn } from './arn';
export { type GrantSpecLike, type IdentityRef, intentFromGrant } from './intent';
export {
  buildMatrix,
  checkGrantSemantics,
  defaultKeyPolicy,
  expectGrantSemantics,
  formatFailure,
  kinesisViaService,
  runGrantMatrix,
} from './matrix';
export {
  type ActionSets,
  clientsOf,
  expectationFor,
  KCL_TABLE_KINDS,
  type KclTableKind,
  type ProfileExpectation,
  requirementsOf,
} from './profiles';
export {
  REQUIREMENTS_BEGIN,
  REQUIREMENTS_END,
  renderRequirementsMarkdown,
  replaceRequirementsSection,
} from './render-requirements';
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
