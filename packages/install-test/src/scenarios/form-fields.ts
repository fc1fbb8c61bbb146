/**
 * Install scenario (c): the form-field module beside React 18 and the current scaffolder-react, installed with
 * plain npm from the registry: no peer conflicts, one copy of each Backstage package. Declared by install.test.ts,
 * which starts the registry once.
 */
import { installedCopies } from '../lib/process';
import { type InstallRun, installNpmProject, npm, versionOf } from './context';

const FRONTEND_MODULE = '@kinesis-access/plugin-scaffolder-module-kinesis-access';

export function describeFormFields(installRun: InstallRun): void {
  describe('(c) the form fields beside React 18 and the current scaffolder-react', () => {
    let app: string;
    let install: { code: number; stdout: string; stderr: string };
    beforeAll(async () => {
      ({ dir: app, install } = await installNpmProject(installRun, 'app', 'backstage-app', {
        dependencies: {
          '@backstage/core-plugin-api': '^1.13.0',
          '@backstage/frontend-plugin-api': '^1.0.0',
          '@backstage/plugin-scaffolder-react': '^3.0.0',
          react: '^18.3.1',
          'react-dom': '^18.3.1',
          'react-router-dom': '^6.30.2',
          [FRONTEND_MODULE]: `^${versionOf(FRONTEND_MODULE)}`,
        },
        // A TypeScript React 18 app pins React 18's types (a Backstage app does, in its root package.json).
        // Without them npm picks @types/react 19 for @backstage/core-components' own type packages and then
        // refuses @backstage/plugin-scaffolder-react's @types/react ^18 peer, with or without this module.
        devDependencies: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
      }));
    }, 20 * 60_000);

    // Backstage itself still depends on Material UI v4 (@material-ui/core via scaffolder-react and core-components,
    // @material-table/core), whose peers say React 16/17. npm overrides those peers in every Backstage app on React 18
    // and warns; any other peer conflict (from this module, or from a Backstage package) fails the test.
    const LEGACY = /^@material-(ui|table)\//;

    it("installs with plain npm (no --legacy-peer-deps); the only peer overrides are Material UI v4's React 17 peers", () => {
      expect({ code: install.code, error: install.code === 0 ? '' : install.stderr.slice(-4000) }).toEqual({
        code: 0,
        error: '',
      });
      const requirers = new Set<string>();
      for (const block of install.stderr.split('ERESOLVE overriding peer dependency').slice(1))
        for (const m of block.matchAll(/\bpeer(?:Optional)? \S+@"[^"]*" from (@?[^@\s]+)@/g))
          requirers.add(m[1] as string);
      expect([...requirers].filter((r) => !LEGACY.test(r))).toEqual([]);
      expect(install.stderr).not.toContain('@kinesis-access/');
    });

    it('leaves no peer missing or unmet except those Material UI v4 peers (npm ls)', async () => {
      const ls = await npm(installRun, ['ls', '--all', '--json'], app);
      const tree = JSON.parse(ls.stdout) as Node;
      interface Node {
        invalid?: string;
        missing?: boolean;
        dependencies?: Record<string, Node>;
      }
      const bad: string[] = [];
      const walk = (name: string, node: Node) => {
        if (node.missing) bad.push(`missing ${name}`);
        if (node.invalid) {
          // e.g. "\"^16.8.0 || ^17.0.0\" from node_modules/@material-ui/core, ..."
          const from = [...node.invalid.matchAll(/node_modules\/((?:@[^/,\s]+\/)?[^/,\s]+)(?=[,\s]|$)/g)].map(
            (m) => m[1] as string,
          );
          if (from.length === 0 || from.some((f) => !LEGACY.test(f)))
            bad.push(`${name}: invalid ${node.invalid}`);
        }
        for (const [child, sub] of Object.entries(node.dependencies ?? {})) walk(child, sub);
      };
      walk('(app)', tree);
      expect(bad).toEqual([]);
    });

    it('has one copy of @backstage/core-plugin-api and of every package the module shares with the app', () => {
      for (const name of [
        '@backstage/core-plugin-api',
        '@backstage/frontend-plugin-api',
        '@backstage/plugin-scaffolder-react',
        '@backstage/core-components',
        'react',
        'react-dom',
        'react-router-dom',
        '@material-ui/core',
      ])
        expect({ name, copies: installedCopies(app, name).length }).toEqual({ name, copies: 1 });
    });
  });
}
