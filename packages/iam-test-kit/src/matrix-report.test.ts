import * as f from '@kinesis-access/fixtures';
import { buildMatrix, expectGrantSemantics } from './index';
import { clickpipes, edit, good } from './test-support/matrix';

// Each test runs one or two whole matrices through the validating simulator (~0.2 s each on 2 cores).
jest.setTimeout(30_000);

describe('reporting', () => {
  test('expectGrantSemantics throws listing every failed cell with request, expected and got', async () => {
    const widened = f.policies(
      edit(f.clickpipesCorrected, (d) => {
        (d.Statement[0] as { Action: string[] }).Action.push('kinesis:PutRecord', 'kinesis:PutRecords');
      }),
      f.decryptViaKinesis,
    );
    await expect(expectGrantSemantics(widened, clickpipes, { depth: 'quick' })).rejects.toThrow(
      /2 of \d+ cells failed for clickpipes grant[\s\S]*\[stream\] PutRecord is not part of clickpipes: arn:aws:iam::123456789012:role\/ClickHouseAccessRole-orders → kinesis:PutRecord on arn:aws:kinesis:us-east-1:123456789012:stream\/orders: expected Denied, got Allowed[\s\S]*PutRecords/,
    );
  });

  test('quick depth is a subset of full depth', async () => {
    const quick = await buildMatrix(good, clickpipes, { depth: 'quick' });
    const full = await buildMatrix(good, clickpipes, { depth: 'full' });
    expect(quick.cells.length).toBeLessThan(full.cells.length);
    const fullKeys = new Set(full.cells.map((c) => JSON.stringify(c.request)));
    const missing = quick.cells.filter((c) => !fullKeys.has(JSON.stringify(c.request)));
    expect(missing.map((c) => c.request.action)).toEqual([]);
  });
});
