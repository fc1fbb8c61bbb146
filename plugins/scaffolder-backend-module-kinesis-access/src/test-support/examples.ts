import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/**
 * The examples test every action has: there are at least `minimum` examples, and each one runs as documented
 * (`run` gets the example's YAML text and makes the assertions).
 */
export function describeExamples(
  actionId: string,
  examples: readonly TemplateExample[],
  minimum: number,
  run: (text: string) => Promise<void>,
): void {
  describe(`${actionId} examples`, () => {
    it('has examples', () => {
      expect(examples.length).toBeGreaterThanOrEqual(minimum);
    });

    it.each(examples.map((example) => [example.description, example.example] as const))(
      '%s: runs as documented',
      async (_description, text) => {
        await run(text);
      },
    );
  });
}
