/**
 * @packageDocumentation
 * The kinesis-access policy model: grant schema v1, validation with field paths, the IAM plan
 * (trust policy, packed permission policies, resource policies), quotas and the review summary.
 * Pure TypeScript and browser-safe: no fs, process, cdktf or Backstage imports.
 */

export type {
  AccessDiff,
  AccessEntry,
  Added,
  GrantAccess,
  GrantAccessDiff,
  GrantChange,
  SharedEntry,
  TrustEntry,
} from './access-diff';
export { accessOf, applyGrantAccessDiff, diffAccess, diffGrantAccess, hasAccessChanges } from './access-diff';
export type { AccessDiffMarkdownOptions } from './access-diff-markdown';
export { renderAccessDiffMarkdown } from './access-diff-markdown';
export type {
  Arn,
  ArnResult,
  IamAccountRootArn,
  IamPolicyArn,
  IamRoleArn,
  IamUserArn,
  KinesisConsumerArn,
  KinesisStreamArn,
  KmsKeyArn,
} from './arn';
export {
  parseConsumerArn,
  parseKmsKeyArn,
  parsePolicyArn,
  parsePrincipalArn,
  parseRoleArn,
  parseStreamArn,
} from './arn';
export { compareCodeUnits } from './compare';
export { assertOk, formatProblem, GrantError } from './errors';
export type { FormProblemOptions, TemplateForm } from './form-problems';
export {
  describeFormProblem,
  formFieldOfProblem,
  formParameterOfPath,
  formProblemMessage,
} from './form-problems';
export type { ChangedGrant, GrantChangeInput } from './grant-change';
export { changeGrant } from './grant-change';
export { QUOTAS } from './iam';
export { lintPolicyDocument } from './lint';
export { compileGrantYaml, grantToYaml, loadGrantYaml, locateField, parseGrantYaml } from './parse';
export type { PlanOptions } from './plan';
export { compileGrant, defaultRoleName, planGrant } from './plan';
export type { ProfileDefinition } from './profiles';
export { PROFILES } from './profiles';
export { canonicalJson, renderJson } from './render';
export type { RepositoryGrant, RepositoryProblems } from './repository';
export { resourcePolicyOwnerProblems } from './repository';
export { grantJsonSchema } from './schema';
export { renderSummary } from './summary';
export type { GrantTemplateInput, GrantTemplateStream } from './template-input';
export { DEFAULT_TEMPLATE_PROFILE, grantFromTemplateInput, templateParameterOfPath } from './template-input';
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
export { PROFILE_NAMES, validateGrant } from './validate';
