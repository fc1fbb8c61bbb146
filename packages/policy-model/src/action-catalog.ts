/** Shape of the AWS action catalog snapshot (src/action-catalog.generated.ts). */
export interface CatalogService {
  /**
   * Action → the resource types it is authorised on: `"consumer"` is required, `"dataset?"` optional (the action
   * also works with `Resource: "*"`). An empty list: the action only works on `"*"`.
   */
  readonly actions: Readonly<Record<string, readonly string[]>>;
  /** Resource type → ARN format, e.g. `arn:${Partition}:kinesis:${Region}:${Account}:stream/${StreamName}`. */
  readonly resourceTypes: Readonly<Record<string, string>>;
  readonly conditionKeys: readonly string[];
}

export type ActionCatalog = Readonly<Record<string, CatalogService>>;
