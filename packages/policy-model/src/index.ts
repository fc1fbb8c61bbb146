/**
 * @packageDocumentation
 * The kinesis-access policy model: grant schema v1, validation with field paths, the IAM plan
 * (trust policy, packed permission policies, resource policies), quotas and the review summary.
 * Pure TypeScript and browser-safe: no fs, process, cdktf or Backstage imports.
 */
export type {
  ConditionBlock,
  ExtraTrustAction,
  GrantPlan,
  GrantSpec,
  GrantStream,
  LintFinding,
  ManagedPolicyPlan,
  Partition,
  PolicyDocument,
  PolicyStatement,
  Problem,
  ProfileName,
  QuotaUse,
  RenderedGrant,
  ResourcePolicyPlan,
  Result,
} from './types';
export { GrantError, assertOk, formatProblem } from './errors';
export { parseGrantYaml, grantToYaml } from './parse';
export { validateGrant, PROFILE_NAMES } from './validate';
export { planGrant, compileGrant, defaultRoleName } from './plan';
export { renderJson, canonicalJson } from './render';
export { renderSummary } from './summary';
export { lintPolicyDocument } from './lint';
export { grantJsonSchema } from './schema';
