import fc from 'fast-check';
import { buildStatement, grant, jsonStringLength, type LogicalStatement, packStatements } from './pack';

const arb = {
  text: fc.string({ unit: 'binary', maxLength: 30 }),
  arn: fc.stringMatching(/^arn:aws:kinesis:us-east-1:123456789012:stream\/[a-z0-9]{1,40}$/),
  action: fc.constantFrom('kinesis:GetRecords', 'kinesis:ListShards', 'kms:Decrypt', 'dynamodb:Scan'),
};

const logical: fc.Arbitrary<LogicalStatement> = fc
  .record({
    sid: fc.stringMatching(/^[A-Z][a-zA-Z]{0,12}$/),
    actions: fc.uniqueArray(arb.action, { minLength: 1, maxLength: 4 }),
    resources: fc.uniqueArray(arb.arn, { minLength: 1, maxLength: 120 }),
    condition: fc.option(
      fc.dictionary(
        fc.constantFrom('StringEquals', 'StringLike'),
        fc.dictionary(fc.constantFrom('aws:a', 'kms:b'), arb.text, { maxKeys: 2 }),
        { maxKeys: 2 },
      ),
      { nil: undefined },
    ),
    split: fc.boolean(),
  })
  .map(({ sid, actions, resources, condition, split }) =>
    split
      ? grant(sid, actions, [resources[0] as string], {
          ...(condition === undefined ? {} : { condition }),
          splitCondition: {
            operator: 'StringEquals',
            key: 'kms:EncryptionContext:aws:kinesis:arn',
            values: resources,
          },
        })
      : grant(sid, actions, resources, condition === undefined ? {} : { condition }),
  );

describe('jsonStringLength', () => {
  it('equals JSON.stringify(text).length', () => {
    fc.assert(fc.property(arb.text, (text) => jsonStringLength(text) === JSON.stringify(text).length));
  });
});

describe('packStatements', () => {
  it('keeps every policy within the budget, reports exact sizes, and covers exactly the input', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(logical, { minLength: 1, maxLength: 5, selector: (s) => s.sid }),
        fc.integer({ min: 1500, max: 6144 }),
        (statements, budget) => {
          const packed = packStatements(statements, budget);
          if (!packed.ok) return true;
          packed.documents.forEach((doc, i) => {
            const size = JSON.stringify(doc).length;
            expect(packed.sizes[i]).toBe(size);
            expect(size).toBeLessThanOrEqual(budget);
          });
          const out = packed.documents.flatMap((d) => d.Statement);
          expect(new Set(out.map((s) => s.Sid)).size).toBe(out.length);
          for (const statement of statements) {
            const pieces = out.filter(
              (s) => s.Sid === statement.sid || s.Sid?.startsWith(`${statement.sid}Part`),
            );
            const listed = pieces.flatMap((s) =>
              statement.splitCondition === undefined
                ? (s.Resource as string[])
                : (s.Condition?.StringEquals?.[statement.splitCondition.key] as string[]),
            );
            expect(listed).toEqual(statement.splitCondition?.values ?? statement.resources);
            for (const piece of pieces) expect(piece.Action).toEqual(statement.actions);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits a large statement into numbered parts and keeps small ones whole', () => {
    const streams = Array.from(
      { length: 200 },
      (_, i) => `arn:aws:kinesis:us-east-1:123456789012:stream/s-${String(i).padStart(3, '0')}`,
    );
    const packed = packStatements(
      [
        grant('Streams', ['kinesis:GetRecords'], streams),
        grant('ListStreams', ['kinesis:ListStreams'], ['*']),
      ],
      6144,
    );
    if (!packed.ok) throw new Error('expected a packing');
    const sids = packed.documents.map((d) => d.Statement.map((s) => s.Sid));
    expect(sids).toEqual([['StreamsPart1'], ['StreamsPart2', 'ListStreams']]);
  });

  it('reports a statement that cannot fit an empty policy', () => {
    expect(packStatements([grant('Big', ['kinesis:GetRecords'], ['x'.repeat(300)])], 200)).toEqual({
      ok: false,
      statement: 'Big',
      size: expect.any(Number),
    });
  });

  it('builds a statement with the given Sid and list', () => {
    expect(buildStatement(grant('S', ['b', 'a', 'a'], ['r2', 'r1']), 'S', ['r1'])).toEqual({
      Sid: 'S',
      Effect: 'Allow',
      Action: ['a', 'b'],
      Resource: ['r1'],
    });
  });
});
