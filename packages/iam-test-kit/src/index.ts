/**
 * @packageDocumentation
 * Test-only IAM simulation matrix for kinesis-access grants. Private, never published, only ever a
 * devDependency: it runs the AGPL @cloud-copilot/iam-simulate.
 */
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
export {
  buildMatrix,
  checkGrantSemantics,
  defaultKeyPolicy,
  expectGrantSemantics,
  formatFailure,
  kinesisViaService,
  runGrantMatrix,
} from './matrix';
export { intentFromGrant, type GrantSpecLike, type IdentityRef } from './intent';
export {
  PROFILE_EXPECTATIONS,
  KCL_TABLE_ACTIONS,
  type ActionSets,
  type ProfileExpectation,
} from './profiles';
export { simulate, type SimOutcome, type SimulationSetup } from './simulate';
export { consumerArn } from './arn';
