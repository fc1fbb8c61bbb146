/**
 * Install scenario (b): a Backstage backend with the current scaffolder and the action module, installed with plain
 * npm from the registry, loads the module with `backend.add(import(...))` and runs a dry-run of the real template.
 * GitHub is the one stand-in: a dry-run never calls it (the integration gets a placeholder token). Declared by
 * install.test.ts, which starts the registry once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answersOk, freePort, startProcess, waitUntil } from '@kinesis-access/fixtures/processes';
import { parse as parseYaml } from 'yaml';
import { installedCopies, WORKSPACE } from '../lib/process';
import { type InstallRun, installNpmProject, versionOf } from './context';

const TEMPLATE = path.join(WORKSPACE, 'templates/grant-clickpipes-kinesis-access/template.yaml');
const BACKEND_MODULE = '@kinesis-access/plugin-scaffolder-backend-module-kinesis-access';

export function describeBackend(installRun: InstallRun): void {
  describe('(b) a Backstage backend with the current scaffolder and the action module', () => {
    let app: string;
    beforeAll(async () => {
      const project = await installNpmProject(installRun, 'backend', 'backstage-backend', {
        dependencies: {
          '@backstage/backend-defaults': '^0.19.0',
          '@backstage/plugin-scaffolder-backend': '^4.3.0',
          '@backstage/plugin-scaffolder-backend-module-github': '^0.10.4',
          [BACKEND_MODULE]: `^${versionOf(BACKEND_MODULE)}`,
        },
      });
      app = project.dir;
      const { install } = project;
      if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr.slice(-8000)}`);
    }, 20 * 60_000);

    it('installs one copy of each Backstage package', () => {
      for (const name of [
        '@backstage/plugin-scaffolder-node',
        '@backstage/backend-plugin-api',
        '@backstage/plugin-scaffolder-common',
        '@backstage/errors',
        '@backstage/config',
      ])
        expect({ name, copies: installedCopies(app, name).length }).toEqual({ name, copies: 1 });
    });

    it(
      'loads the module with backend.add(import(...)) and runs a dry-run of the template',
      async () => {
        const port = await freePort();
        const token = `install-test-${Date.now()}`;
        fs.writeFileSync(
          path.join(app, 'app-config.yaml'),
          [
            'backend:',
            `  baseUrl: http://127.0.0.1:${port}`,
            `  listen: { port: ${port}, host: 127.0.0.1 }`,
            "  database: { client: better-sqlite3, connection: ':memory:' }",
            '  auth:',
            `    externalAccess: [{ type: static, options: { token: ${token}, subject: install-test } }]`,
            'integrations:',
            '  github: [{ host: github.com, token: placeholder-a-dry-run-never-calls-github }]',
            '',
          ].join('\n'),
        );
        fs.writeFileSync(
          path.join(app, 'index.js'),
          [
            "const { createBackend } = require('@backstage/backend-defaults');",
            'const backend = createBackend();',
            "backend.add(import('@backstage/plugin-scaffolder-backend'));",
            "backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));",
            `backend.add(import('${BACKEND_MODULE}'));`,
            'backend.start();',
            '',
          ].join('\n'),
        );
        const backend = startProcess(process.execPath, ['index.js', '--config', 'app-config.yaml'], {
          cwd: app,
          env: { ...installRun.registry.env, NODE_ENV: 'development' },
        });
        const base = `http://127.0.0.1:${port}`;
        try {
          await waitUntil(backend, 'readiness', () => answersOk(`${base}/.backstage/health/v1/readiness`), {
            deadline: Date.now() + 120_000,
            name: 'backend',
            intervalMs: 300,
          }).catch((error: Error) => {
            throw new Error(`${error.message}:\n${backend.output()}`);
          });
          const actions = (await (
            await fetch(`${base}/api/scaffolder/v2/actions`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as { id: string }[];
          expect(actions.map((a) => a.id)).toEqual(
            expect.arrayContaining(['kinesis:access:grant', 'publish:github:pull-request']),
          );

          const values = {
            name: 'installed-orders',
            clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-S3-installed-Role',
            streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' }],
            repoUrl: 'github.com?owner=example&repo=infra',
          };
          const res = await fetch(`${base}/api/scaffolder/v2/dry-run`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              template: parseYaml(fs.readFileSync(TEMPLATE, 'utf8')),
              values,
              directoryContents: [],
            }),
          });
          const body = (await res.json()) as {
            directoryContents?: { path: string; base64Content: string }[];
            steps?: { id: string; status: string }[];
          };
          expect({ status: res.status, steps: body.steps?.map((s) => [s.id, s.status]) }).toMatchObject({
            status: 200,
          });
          const files = Object.fromEntries(
            (body.directoryContents ?? []).map((f) => [
              f.path,
              Buffer.from(f.base64Content, 'base64').toString('utf8'),
            ]),
          );
          const grant = parseYaml(files['grants/installed-orders.yaml'] ?? 'null');
          expect(grant).toMatchObject({
            kind: 'KinesisAccessGrant',
            metadata: { name: 'installed-orders' },
            spec: { principal: { roleArn: values.clickhouseRoleArn }, streams: values.streams },
          });
          const terraform = Object.keys(files).filter((f) => /cdk\.tf(\.json)?$/.test(f));
          expect(terraform.length).toBeGreaterThan(0);
        } finally {
          await backend.stop();
        }
      },
      5 * 60_000,
    );
  });
}
