import * as fs from 'node:fs';
import * as path from 'node:path';
import { serviceCatalog } from './catalog';
import { clientsOf, expectationFor } from './profiles';
import { REQUIREMENTS_BEGIN, REQUIREMENTS_END, renderRequirementsMarkdown } from './render-requirements';
import { CLIENTS, type ClientId, REQUIREMENTS, type RequirementResource, SOURCES } from './requirements';
import type { GrantIntent } from './types';

const DOC = path.resolve(__dirname, '../../../docs/profiles.md');

/**
 * The catalog resource type each requirement resource names (`''`: only `*`, no resource type; `null`: granted on
 * `*` narrowed by a condition — CloudWatch's PutMetricData, whose optional resource type the grant does not use).
 */
const CATALOG_TYPE: Readonly<Record<RequirementResource, string | null>> = {
  stream: 'stream',
  consumer: 'consumer',
  '*': '',
  'kms-key': 'key',
  'lease-table': 'table',
  'lease-table-index': 'index',
  'worker-metrics-table': 'table',
  'coordinator-state-table': 'table',
  metrics: null,
};

describe('the requirements table', () => {
  test('docs/profiles.md shows it as rendered (run `pnpm --filter @kinesis-access/iam-test-kit run docs`)', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const begin = doc.indexOf(REQUIREMENTS_BEGIN);
    const end = doc.indexOf(REQUIREMENTS_END);
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    expect(doc.slice(begin + REQUIREMENTS_BEGIN.length, end)).toBe(`\n\n${renderRequirementsMarkdown()}\n`);
  });

  test('every call is an action of the AWS catalog, on the resource type AWS authorises it for', async () => {
    const wrong: string[] = [];
    for (const r of REQUIREMENTS) {
      const [service, name] = r.call.split(':') as [string, string];
      const action = (await serviceCatalog(service)).find((a) => a.name === name);
      if (action === undefined) {
        wrong.push(`${r.client}: ${r.call} is not in the catalog`);
        continue;
      }
      const type = CATALOG_TYPE[r.resource];
      const ok =
        type === null ||
        (type === '' ? action.resourceTypes.length === 0 : action.resourceTypes.includes(type));
      if (!ok)
        wrong.push(
          `${r.client}: ${r.call} on ${r.resource} (AWS: ${action.resourceTypes.join(', ') || '*'})`,
        );
    }
    expect(wrong).toEqual([]);
  });

  test('every row names a source with a date read, and every client has required calls', () => {
    for (const r of REQUIREMENTS) expect(Object.keys(SOURCES)).toContain(r.source);
    for (const source of Object.values(SOURCES) as { url?: string; note?: string; read: string }[]) {
      expect(source.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A source without a URL says why.
      if (source.url === undefined) expect(source.note).toEqual(expect.any(String));
      else expect(source.url).toMatch(/^https:\/\//);
    }
    for (const client of Object.keys(CLIENTS) as ClientId[]) {
      expect(REQUIREMENTS.filter((r) => r.client === client && r.need === 'required').length).toBeGreaterThan(
        2,
      );
    }
  });

  test('a requirement is never both required and optional for one profile and resource', () => {
    const intents: GrantIntent[] = (['clickpipes', 'read', 'write', 'read-write', 'upsolver'] as const).map(
      (profile) => ({ profile, identityArn: 'x', trustedPrincipals: [], streams: [] }),
    );
    for (const version of [2, 3] as const) {
      intents.push({
        profile: 'kcl-consumer',
        identityArn: 'x',
        trustedPrincipals: [],
        streams: [],
        kcl: { applicationName: 'app', region: 'us-east-1', version },
      });
    }
    for (const intent of intents) {
      const e = expectationFor(intent);
      for (const sets of [e.stream, e.consumer, e.accountWide, ...Object.values(e.tables)]) {
        for (const a of sets?.optional ?? []) expect(sets?.required).not.toContain(a);
      }
      expect(clientsOf(intent).length).toBeGreaterThan(0);
    }
  });

  test('KCL 3.x needs what AWS lists and 2.x does not: UpdateTable, the index, the two metadata tables', () => {
    const base = { identityArn: 'x', trustedPrincipals: [], streams: [] } as const;
    const v3 = expectationFor({
      ...base,
      profile: 'kcl-consumer',
      kcl: { applicationName: 'app', region: 'us-east-1' },
    });
    const v2 = expectationFor({
      ...base,
      profile: 'kcl-consumer',
      kcl: { applicationName: 'app', region: 'us-east-1', version: 2 },
    });
    expect(v3.tables['lease-table']?.required).toContain('UpdateTable');
    expect(v3.tables['lease-table-index']?.required).toEqual(['Query']);
    expect(Object.keys(v3.tables).sort()).toEqual([
      'coordinator-state-table',
      'lease-table',
      'lease-table-index',
      'worker-metrics-table',
    ]);
    expect(Object.keys(v2.tables)).toEqual(['lease-table']);
    expect(v2.tables['lease-table']?.required).not.toContain('UpdateTable');
    expect(v3.metricsNamespace).toBe('app');
  });
});
