import path from 'node:path';
import yaml from 'yaml';
import { runSmoke, SMOKE_VALUES } from './smoke';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('pnpm start:backstage (the real backend process)', () => {
  it('serves the template and a dry-run through it returns the grant and its Terraform', async () => {
    let log = '';
    const result = await runSmoke({ repoRoot, log: (chunk) => (log += chunk) }).catch((error: Error) => {
      throw new Error(`${error.message}\n--- backend log (tail) ---\n${log.slice(-4000)}`);
    });

    const grant = yaml.parse(result.grantYaml);
    expect(grant).toMatchObject({
      apiVersion: 'kinesis-access/v1',
      kind: 'KinesisAccessGrant',
      metadata: { name: SMOKE_VALUES.name },
      spec: { principal: { roleArn: SMOKE_VALUES.clickhouseRoleArn }, streams: SMOKE_VALUES.streams },
    });
    expect(result.files).toContain(`grants/${SMOKE_VALUES.name}.yaml`);
    expect(result.files.some((file) => /\.tf(\.json)?$/.test(file))).toBe(true);
    expect(JSON.stringify(result.output)).toContain(`ClickHouseAccessRole-${SMOKE_VALUES.name}`);
    // SIGTERM makes backend-defaults shut down gracefully.
    expect(['0', 'SIGTERM']).toContain(result.exit);
  }, 150_000);
});
