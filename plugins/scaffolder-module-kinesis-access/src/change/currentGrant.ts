/**
 * The grant a change starts from, read from the Backstage backend: `GET <scaffolder>/kinesis-access/current-grant`
 * (served by @kinesis-access/plugin-scaffolder-backend-module-kinesis-access), which reads the infrastructure
 * repository through the backend's own SCM integration, as the template's fetch:plain step does. The browser
 * checks and plans the grant with the policy model itself.
 */
import type { ApiHolder, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { type GrantPlan, type GrantSpec, planGrant, validateGrant } from '@kinesis-access/policy-model';

/** The change template's parameters that say which grant is changed. */
export interface CurrentGrantQuery {
  readonly repoUrl: string;
  readonly branch: string;
  readonly name: string;
}

/** Where the current grant is. */
export type CurrentGrantState =
  /** The form does not say yet which grant (the listed parameters are empty). */
  | { readonly status: 'incomplete'; readonly missing: readonly string[] }
  | { readonly status: 'loading' }
  /** The backend could not give it, or it is not a valid grant; `message` says why. */
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'loaded';
      /** The grant file, relative to the repository root. */
      readonly file: string;
      readonly spec: GrantSpec;
      readonly plan: GrantPlan;
    };

type Settled = Extract<CurrentGrantState, { status: 'failed' | 'loaded' }>;

/** The backend route, relative to the scaffolder's base URL. */
export const CURRENT_GRANT_PATH = '/kinesis-access/current-grant';
/** The prefix the backend puts on its messages; the form says where the message comes from in its own words. */
const ROUTE_PREFIX = /^kinesis-access current-grant: /;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Which grant the form data names, or which of `repoUrl` and `name` are still empty. */
export function currentGrantQuery(formData: unknown): CurrentGrantQuery | { readonly missing: string[] } {
  const data = (typeof formData === 'object' && formData !== null ? formData : {}) as Record<string, unknown>;
  const query = {
    repoUrl: text(data.repoUrl),
    branch: text(data.baseBranch) || 'main',
    name: text(data.name),
  };
  const missing = (['repoUrl', 'name'] as const).filter((field) => query[field] === '');
  return missing.length > 0 ? { missing } : query;
}

const failed = (message: string): Settled => ({ status: 'failed', message });

async function fetchCurrentGrant(
  apis: { readonly discoveryApi: DiscoveryApi; readonly fetchApi: FetchApi },
  query: CurrentGrantQuery,
): Promise<Settled> {
  let response: Response;
  try {
    const base = await apis.discoveryApi.getBaseUrl('scaffolder');
    response = await apis.fetchApi.fetch(`${base}${CURRENT_GRANT_PATH}?${new URLSearchParams({ ...query })}`);
  } catch (error) {
    return failed(
      `the Backstage backend could not be reached: ${error instanceof Error ? error.message : error}`,
    );
  }
  const body = (await response.json().catch(() => undefined)) as
    | { file?: unknown; grant?: unknown; error?: { message?: unknown } }
    | undefined;
  if (!response.ok) {
    const message = text(body?.error?.message).replace(ROUTE_PREFIX, '');
    return failed(
      message !== ''
        ? message
        : `the backend answered ${response.status} ${response.statusText} (is the kinesis-access backend module installed?)`,
    );
  }
  const spec = validateGrant(body?.grant);
  if (!spec.ok) return failed(`the grant in the repository is not valid: ${spec.problems[0]?.message ?? ''}`);
  const plan = planGrant(spec.value);
  if (!plan.ok)
    return failed(`the grant in the repository cannot be planned: ${plan.problems[0]?.message ?? ''}`);
  return { status: 'loaded', file: text(body?.file), spec: spec.value, plan: plan.value };
}

/** One request per grant for the life of the page; a failure is forgotten once seen, so the next asks again. */
const requests = new Map<string, Promise<Settled>>();

/** The current grant the query names, from the backend (shared by every field and validator of the page). */
export function loadCurrentGrant(
  apis: { readonly discoveryApi: DiscoveryApi; readonly fetchApi: FetchApi },
  query: CurrentGrantQuery,
): Promise<Settled> {
  const key = JSON.stringify([query.repoUrl, query.branch, query.name]);
  const known = requests.get(key);
  if (known) return known;
  const request = fetchCurrentGrant(apis, query);
  requests.set(key, request);
  void request.then((result) => {
    if (result.status === 'failed') requests.delete(key);
  });
  return request;
}

/** {@link loadCurrentGrant} for a validator, which gets an ApiHolder instead of hooks. */
export async function currentGrantForValidation(
  apiHolder: ApiHolder,
  formData: unknown,
): Promise<CurrentGrantState> {
  const query = currentGrantQuery(formData);
  if ('missing' in query) return { status: 'incomplete', missing: query.missing };
  const discoveryApi = apiHolder.get(discoveryApiRef);
  const fetchApi = apiHolder.get(fetchApiRef);
  if (!discoveryApi || !fetchApi) return failed('the app provides no discovery or fetch API');
  return await loadCurrentGrant({ discoveryApi, fetchApi }, query);
}
