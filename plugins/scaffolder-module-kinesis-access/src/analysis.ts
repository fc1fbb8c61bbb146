import {
  changeGrant,
  compileGrant,
  diffAccess,
  type GrantChangeInput,
  type GrantPlan,
  type GrantSpec,
  type Problem,
  type RenderedGrant,
  type Result,
  renderAccessDiffMarkdown,
  renderJson,
  renderSummary,
  type TemplateForm,
} from '@kinesis-access/policy-model';
import type { CurrentGrantState } from './change/currentGrant';
import { grantFromTemplateInput } from './grantInput';

/** What the policy model says about the grant the form describes right now. */
export type GrantAnalysis =
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | {
      readonly ok: true;
      readonly problems: readonly [];
      readonly plan: GrantPlan;
      readonly rendered: RenderedGrant;
      readonly summary: string;
      /** For a change: what the role gains and loses against the current grant (markdown, as in the pull request). */
      readonly accessDiff?: string;
    };

/**
 * A model failure (an exception, not a problem with the input) is reported as a document-level problem so the
 * form shows it instead of crashing.
 */
function analysed(compile: () => Result<GrantPlan>, accessDiff?: (plan: GrantPlan) => string): GrantAnalysis {
  try {
    const result = compile();
    if (!result.ok) return { ok: false, problems: result.problems };
    const plan = result.value;
    const rendered = renderJson(plan);
    const summary = summaryOf(plan);
    return accessDiff
      ? { ok: true, problems: [], plan, rendered, summary, accessDiff: accessDiff(plan) }
      : { ok: true, problems: [], plan, rendered, summary };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `the policy model failed: ${message}` }] };
  }
}

/** Compile the grant template's form data with the policy model (validate + plan) and render what the preview shows. */
export function analyseFormData(formData: unknown): GrantAnalysis {
  return analysed(() => compileGrant(grantFromTemplateInput(formData)));
}

/**
 * The change the form data describes (the "Change Kinesis access" template's `addStreams`, `removeStreams`,
 * `kmsKeys`, `clickhouseRoleArn`), applied to the current grant by the model as the `kinesis:access:change` action
 * applies it, with the access diff the pull request will carry.
 */
export function analyseChange(
  current: { readonly spec: GrantSpec; readonly plan: GrantPlan },
  formData: unknown,
): GrantAnalysis {
  const input = (typeof formData === 'object' && formData !== null ? formData : {}) as GrantChangeInput;
  return analysed(
    () => {
      const changed = changeGrant(current.spec, input);
      return changed.ok ? { ok: true, value: changed.value.plan } : changed;
    },
    (plan) =>
      renderAccessDiffMarkdown(diffAccess([current.plan], [plan]), {
        title: `Access changes: ${current.spec.metadata.name}`,
      }),
  );
}

/** The review summary; a failure to render it is shown in its place rather than hiding the policies. */
function summaryOf(plan: GrantPlan): string {
  try {
    return renderSummary(plan);
  } catch (error) {
    return `(the review summary could not be rendered: ${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Problems whose grant path is `prefix` itself or lies under it (`prefix.x`, `prefix[0]`). */
export function problemsUnder(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`),
  );
}

/**
 * Which template a field is in: `ui:options: { mode: change }` puts it in the "Change Kinesis access" template,
 * where the form describes a change to a grant of the infrastructure repository; anything else is a new grant.
 */
export function formOf(uiSchema: unknown): TemplateForm {
  const options = (uiSchema as { 'ui:options'?: { mode?: unknown } } | undefined)?.['ui:options'];
  return options?.mode === 'change' ? 'change' : 'grant';
}

/** A field that shows the model's problems about its own value. */
export type ModelField = 'streams' | 'roleArn';

/**
 * Per form, the parameter each field fills and where the model reports problems about it: the grant template's
 * `streams` become `spec.streams`; the change template's `addStreams` are reported as `addStreams` (the model's
 * `changeGrant` names the change's own fields).
 */
export const FIELDS: Readonly<
  Record<TemplateForm, Record<ModelField, { readonly parameter: string; readonly problemPath: string }>>
> = {
  grant: {
    streams: { parameter: 'streams', problemPath: 'spec.streams' },
    roleArn: { parameter: 'clickhouseRoleArn', problemPath: 'spec.principal.roleArn' },
  },
  change: {
    streams: { parameter: 'addStreams', problemPath: 'addStreams' },
    roleArn: { parameter: 'clickhouseRoleArn', problemPath: 'clickhouseRoleArn' },
  },
};

/** The whole form's data with a field's own value in it (a field's value and the form's data arrive apart). */
export function withFieldValue(formData: unknown, form: TemplateForm, field: ModelField, value: unknown) {
  const data = typeof formData === 'object' && formData !== null ? formData : {};
  return { ...data, [FIELDS[form][field].parameter]: value };
}

/**
 * The model's view of the whole form: ready, or (in the change form) waiting for the current grant, which
 * `current` says why.
 */
export type FormAnalysis =
  | { readonly status: 'ready'; readonly form: TemplateForm; readonly analysis: GrantAnalysis }
  | {
      readonly status: 'waiting';
      readonly form: 'change';
      readonly current: Exclude<CurrentGrantState, { status: 'loaded' }>;
    };

/** The form data analysed for its form; the change form needs the current grant (`current`) first. */
export function analyseForm(
  form: TemplateForm,
  formData: unknown,
  current: CurrentGrantState | undefined,
): FormAnalysis {
  if (form === 'grant') return { status: 'ready', form, analysis: analyseFormData(formData) };
  const state = current ?? { status: 'loading' };
  return state.status === 'loaded'
    ? { status: 'ready', form, analysis: analyseChange(state, formData) }
    : { status: 'waiting', form, current: state };
}

/** The problems a field shows: those under its path for its form; none while the analysis waits. */
export function fieldProblems(analysis: FormAnalysis, field: ModelField): Problem[] {
  return analysis.status === 'ready'
    ? problemsUnder(analysis.analysis.problems, FIELDS[analysis.form][field].problemPath)
    : [];
}
