import { type ApiHolder, discoveryApiRef, fetchApiRef, useApiHolder } from '@backstage/core-plugin-api';
import type { Problem } from '@kinesis-access/policy-model';
import { useEffect, useMemo, useState } from 'react';
import {
  analyseForm,
  FIELDS,
  type FormAnalysis,
  fieldProblems,
  formOf,
  type ModelField,
  withFieldValue,
} from '../analysis';
import {
  type CurrentGrantState,
  currentGrantForValidation,
  currentGrantQuery,
  loadCurrentGrant,
} from './currentGrant';

/**
 * The current grant while the change form is shown: asked for once the form names a repository and a grant, and
 * again only when they change (not on every keystroke elsewhere in the form). `undefined` in the grant form.
 */
function useCurrentGrant(enabled: boolean, formData: unknown): CurrentGrantState | undefined {
  const apis = useApiHolder();
  const query = enabled ? currentGrantQuery(formData) : undefined;
  const key = query === undefined ? '' : JSON.stringify(query);
  const [state, setState] = useState<CurrentGrantState | undefined>(undefined);

  useEffect(() => {
    const asked = key === '' ? undefined : (JSON.parse(key) as ReturnType<typeof currentGrantQuery>);
    if (asked === undefined) {
      setState(undefined);
      return undefined;
    }
    if ('missing' in asked) {
      setState({ status: 'incomplete', missing: asked.missing });
      return undefined;
    }
    // Looked up only here: the grant form needs neither API (and a test app may not configure them).
    const discoveryApi = apis.get(discoveryApiRef);
    const fetchApi = apis.get(fetchApiRef);
    if (!discoveryApi || !fetchApi) {
      setState({ status: 'failed', message: 'the app provides no discovery or fetch API' });
      return undefined;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    loadCurrentGrant({ discoveryApi, fetchApi }, asked).then((result) => {
      if (!cancelled) setState(result);
    });
    return () => {
      cancelled = true;
    };
  }, [key, apis]);
  return state;
}

/** The model's view of the whole form (`formContext.formData`) for a field with this `uiSchema`. */
export function useFormAnalysis(uiSchema: unknown, formData: unknown): FormAnalysis {
  const form = formOf(uiSchema);
  const current = useCurrentGrant(form === 'change', formData);
  return useMemo(() => analyseForm(form, formData, current), [form, formData, current]);
}

/** The same for a validator, which gets the ApiHolder instead of hooks. */
export async function formAnalysisForValidation(
  context: { readonly apiHolder: ApiHolder; readonly uiSchema?: unknown },
  formData: unknown,
): Promise<FormAnalysis> {
  const form = formOf(context.uiSchema);
  const current =
    form === 'change' ? await currentGrantForValidation(context.apiHolder, formData) : undefined;
  return analyseForm(form, formData, current);
}

/**
 * The model's problems about a field's own value, live: the whole form's data (`formContext.formData`) with the
 * field's current value in it, analysed for the field's form.
 */
export function useFieldProblems(
  props: {
    readonly uiSchema?: unknown;
    readonly formData?: unknown;
    readonly formContext?: { formData?: unknown };
  },
  field: ModelField,
): Problem[] {
  const form = formOf(props.uiSchema);
  const data = useMemo(
    () => withFieldValue(props.formContext?.formData, form, field, props.formData),
    [props.formContext?.formData, props.formData, form, field],
  );
  return fieldProblems(useFormAnalysis(props.uiSchema, data), field);
}

/**
 * A field validator: the model's problems about the field's value, worded by `label`. In the change form it first
 * reads the current grant (the request the fields already made).
 */
export function fieldValidator<T>(
  field: ModelField,
  label: (problem: Problem, problemPath: string) => string,
): (
  value: T,
  validation: { addError(message: string): void },
  context: { readonly apiHolder: ApiHolder; readonly formData: unknown; readonly uiSchema?: unknown },
) => Promise<void> {
  return async (value, validation, context) => {
    const form = formOf(context.uiSchema);
    const analysis = await formAnalysisForValidation(
      context,
      withFieldValue(context.formData, form, field, value),
    );
    const { problemPath } = FIELDS[form][field];
    for (const problem of fieldProblems(analysis, field)) validation.addError(label(problem, problemPath));
  };
}
