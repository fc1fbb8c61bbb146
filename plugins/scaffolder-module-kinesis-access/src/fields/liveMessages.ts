/**
 * The model messages a field shows itself while the person types. The scaffolder's field template already lists
 * the errors of the last submit (`rawErrors`: schema errors and our validators) under the field, so those are
 * left out here to avoid showing the same message twice.
 */
export function liveMessages(options: {
  readonly live: readonly string[];
  readonly showLive: boolean;
  readonly rawErrors: readonly string[] | undefined;
}): string[] {
  if (!options.showLive) return [];
  const submitted = new Set(options.rawErrors ?? []);
  return [...new Set(options.live)].filter((message) => !submitted.has(message));
}
