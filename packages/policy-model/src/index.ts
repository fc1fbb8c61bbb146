/**
 * @packageDocumentation
 * The kinesis-access policy model: grant schema v1, validation with field paths, the IAM plan
 * (trust policy, packed permission policies, resource policies), quotas and the review summary.
 * Pure TypeScript and browser-safe: no fs, process, cdktf or Backstage imports.
 *
 * This file is the package's whole public face, and it holds what other packages use (the CLI, grant-files, cdktf,
 * the Backstage action and form fields) and nothing else; `report.api.md` beside package.json records it. The
 * model's own tests import its modules by relative path.
 */

export type {
  AccessDiff,
  AccessEntry,
  Added,
  GrantAccessDiff,
  GrantChange,
  SharedEntry,
  TrustEntry,
} from './access-diff';
export { diffAccess } from './access-diff';
export type { AccessDiffMarkdownOptions } from './access-diff-markdown';
export { renderAccessDiffMarkdown } from './access-diff-markdown';
export { compareCodeUnits } from './compare';
export { formatProblem } from './errors';
export type { FormProblemOptions, TemplateForm } from './form-problems';
export { describeFormProblem, formProblemMessage } from './form-problems';
export type { ChangedGrant, GrantChangeInput } from './grant-change';
export { changeGrant } from './grant-change';
export { grantToYaml, loadGrantYaml, parseGrantYaml } from './parse';
export type { PlanOptions } from './plan';
export { compileGrant, planGrant } from './plan';
export { canonicalJson, renderJson } from './render';
export type { RepositoryGrant, RepositoryProblems } from './repository';
export { resourcePolicyOwnerProblems } from './repository';
export { renderSummary } from './summary';
export type { GrantTemplateInput, GrantTemplateStream } from './template-input';
export { DEFAULT_TEMPLATE_PROFILE, grantFromTemplateInput, templateParameterOfPath } from './template-input';
export type {
  ConditionBlock,
  ExtraTrustAction,
  GrantPlan,
  GrantSpec,
  GrantStream,
  KclVersion,
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
