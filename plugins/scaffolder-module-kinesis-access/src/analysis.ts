import {
  compileGrant,
  type GrantPlan,
  type Problem,
  type RenderedGrant,
  renderJson,
  renderSummary,
} from '@kinesis-access/policy-model';
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
    };

/**
 * Compile the form data with the policy model (validate + plan) and render what the preview shows.
 * A model failure (an exception, not a problem with the input) is reported as a document-level problem so the
 * form shows it instead of crashing.
 */
export function analyseFormData(formData: unknown): GrantAnalysis {
  try {
    const result = compileGrant(grantFromTemplateInput(formData));
    if (!result.ok) return { ok: false, problems: result.problems };
    return {
      ok: true,
      problems: [],
      plan: result.value,
      rendered: renderJson(result.value),
      summary: summaryOf(result.value),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `the policy model failed: ${message}` }] };
  }
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
