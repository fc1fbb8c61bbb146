/**
 * The requirements table as markdown, for docs/profiles.md (between the `requirements:begin` / `:end` markers).
 * `pnpm --filter @kinesis-access/iam-test-kit run docs` writes it; src/requirements.test.ts fails when the doc is
 * not what this renders.
 */
import { clientsOf, PROFILES } from './profiles';
import {
  CLIENTS,
  type ClientId,
  REQUIREMENTS,
  type Requirement,
  type RequirementResource,
  SOURCES,
  type SourceId,
  TRUST_REQUIREMENTS,
} from './requirements';

export const REQUIREMENTS_BEGIN =
  '<!-- requirements:begin (generated from packages/iam-test-kit/src/requirements.ts) -->';
export const REQUIREMENTS_END = '<!-- requirements:end -->';

const RESOURCE_TEXT: Readonly<Record<RequirementResource, string>> = {
  stream: 'each stream',
  consumer: "the client's consumer of each stream",
  '*': '`*`',
  'kms-key': "the stream's KMS key, via Kinesis",
  'lease-table': 'lease table `<app>`',
  'lease-table-index': 'lease table index `<app>/index/*`',
  'worker-metrics-table': '`<app>-WorkerMetricStats`',
  'coordinator-state-table': '`<app>-CoordinatorState`',
  metrics: 'CloudWatch, one namespace',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function condition(r: Requirement): string {
  const parts: string[] = [];
  if (r.when?.encrypted) parts.push('encrypted streams');
  if (r.when?.kplMetrics) parts.push('`kplMetrics` set');
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Rows of one client, merged: calls with the same resource, need, condition and source share a row. */
function clientRows(client: ClientId): string[] {
  const rows = REQUIREMENTS.filter((r) => r.client === client);
  const merged = new Map<string, { calls: string[]; r: Requirement }>();
  for (const r of rows) {
    const key = JSON.stringify([r.resource, r.need, r.when ?? {}, r.source, r.purpose]);
    const entry = merged.get(key);
    if (entry) entry.calls.push(r.call);
    else merged.set(key, { calls: [r.call], r });
  }
  return [...merged.values()].map(
    ({ calls, r }) =>
      `| ${calls.map((c) => `\`${c}\``).join(', ')} | ${RESOURCE_TEXT[r.resource]} | ${r.need}${condition(r)} | ${cell(r.purpose)} | [${r.source}](#source-${r.source}) |`,
  );
}

/** The whole generated section (without the markers). */
export function renderRequirementsMarkdown(): string {
  const out: string[] = [];
  out.push(
    'Which clients each profile must work for (the matrix allows every required call of these clients and denies',
    'everything outside their rows):',
    '',
    '| profile | clients |',
    '|---|---|',
  );
  for (const profile of PROFILES) {
    const clients =
      profile === 'kcl-consumer'
        ? [
            ...clientsOf({ profile }),
            ...clientsOf({ profile, kcl: { applicationName: 'x', region: 'x', version: 2 } }),
          ]
        : clientsOf({ profile });
    const note = profile === 'kcl-consumer' ? ' (KCL 3.x by default; `kcl.version: 2` for 2.x)' : '';
    out.push(`| \`${profile}\` | ${clients.map((c) => CLIENTS[c]).join('; ')}${note} |`);
  }
  for (const client of Object.keys(CLIENTS) as ClientId[]) {
    out.push(
      '',
      `### ${CLIENTS[client]}`,
      '',
      '| calls | resource | need | why | source |',
      '|---|---|---|---|---|',
    );
    out.push(...clientRows(client));
    const trust = TRUST_REQUIREMENTS.find((t) => t.client === client);
    if (trust !== undefined) {
      out.push(
        '',
        `Trust: external id **${trust.externalId}**. ${trust.note}${trust.source === undefined ? '' : ` ([${trust.source}](#source-${trust.source}))`}`,
      );
    }
  }
  out.push('', '### Sources', '');
  for (const [id, source] of Object.entries(SOURCES) as [SourceId, (typeof SOURCES)[SourceId]][]) {
    const s = source as { title: string; url?: string; read: string; note?: string };
    const link = s.url === undefined ? `${s.title} — **no public URL found**` : `[${s.title}](${s.url})`;
    out.push(
      `- <a id="source-${id}"></a>\`${id}\`: ${link}, read ${s.read}.${s.note === undefined ? '' : ` ${s.note}`}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** `text` with the generated section replaced (the markers must be there). */
export function replaceRequirementsSection(text: string): string {
  const begin = text.indexOf(REQUIREMENTS_BEGIN);
  const end = text.indexOf(REQUIREMENTS_END);
  if (begin < 0 || end < begin) {
    throw new Error(
      `iam-test-kit: the requirements markers are missing (${REQUIREMENTS_BEGIN} … ${REQUIREMENTS_END})`,
    );
  }
  return `${text.slice(0, begin + REQUIREMENTS_BEGIN.length)}\n\n${renderRequirementsMarkdown()}\n${text.slice(end)}`;
}
