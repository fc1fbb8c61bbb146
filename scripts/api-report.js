#!/usr/bin/env node
// API reports (API Extractor, as Backstage keeps them): one checked-in `report*.api.md` per entry point of a public
// package, beside its package.json — `report.api.md` for `.`, `report-<name>.api.md` for `./<name>`. A change to a
// package's public face then shows in review as a change to its report.
//
//   node ../../scripts/api-report.js check     (in a package, after its build: `pnpm test` runs it per package)
//   node ../../scripts/api-report.js update    (rewrite the package's reports; `pnpm api:update` at the root)
//
// Reads the built declarations (`types` of each entry of package.json `exports`), so run it after `tsc`. `check`
// exits 1 and shows the difference when a report is stale or missing; `update` writes them.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Extractor, ExtractorConfig } = require('@microsoft/api-extractor');

const mode = process.argv[2];
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: api-report.js check|update   (run in a package directory, after its build)');
  process.exit(2);
}

const packageDir = process.cwd();
const packageJsonPath = path.join(packageDir, 'package.json');
const manifest = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));

/** `[reportName, declarationFile]` for each code entry point of the exports map (not `./package.json` or data). */
function entryPoints() {
  const out = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'string') continue; // ./package.json, ./grant.schema.json: files, not code
    // The CommonJS declarations; an `import` condition's .d.mts re-exports the same (scripts/esm-entry.js).
    const types = target.require?.types ?? target.types ?? target.import?.types;
    if (types === undefined) throw new Error(`${manifest.name}: exports["${subpath}"] has no types`);
    const name = subpath === '.' ? 'report' : `report-${subpath.replace(/^\.\//, '').replace(/\//g, '-')}`;
    out.push([name, path.join(packageDir, types)]);
  }
  return out;
}

const tempFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'api-report-'));
let failed = false;
try {
  for (const [reportName, declarations] of entryPoints()) {
    if (!fs.existsSync(declarations)) {
      console.error(
        `${manifest.name}: ${path.relative(packageDir, declarations)} is missing: build the package first`,
      );
      failed = true;
      continue;
    }
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageDir,
        mainEntryPointFilePath: declarations,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              lib: ['ES2023', 'DOM'],
              module: 'node16',
              moduleResolution: 'node16',
              jsx: 'react-jsx',
              strict: true,
              skipLibCheck: true,
              types: ['node'],
            },
            files: [declarations],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: reportName,
          reportFolder: packageDir,
          reportTempFolder: tempFolder,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            // Release tags (@public, @alpha) are Backstage's convention for its own packages; ours have one level.
            'ae-missing-release-tag': { logLevel: 'none' },
            'ae-undocumented': { logLevel: 'none' },
            'ae-unresolved-link': { logLevel: 'none' },
            // A type used by the public face but not exported from it is a gap in the face: shown in the report.
            'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          },
          // Our doc comments are plain JSDoc, not strict TSDoc.
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
      configObjectFullPath: path.join(packageDir, 'api-extractor.json'),
      packageJsonFullPath: packageJsonPath,
    });
    const result = Extractor.invoke(config, {
      localBuild: mode === 'update',
      showVerboseMessages: false,
      messageCallback: (message) => {
        // "You have changed the public API signature…": replaced by the shorter message below.
        if (/^You have changed the API signature/.test(message.text)) message.logLevel = 'none';
        if (message.messageId === 'console-api-report-copied') message.logLevel = 'none';
        if (message.messageId === 'console-api-report-created') message.logLevel = 'none';
        if (/^Analysis will use the bundled TypeScript/.test(message.text)) message.logLevel = 'none';
        if (message.messageId === 'console-api-report-unchanged') message.logLevel = 'none';
      },
    });
    const file = `${reportName}.api.md`;
    if (mode === 'update') {
      console.log(`${manifest.name}: ${file} ${result.apiReportChanged ? 'updated' : 'unchanged'}`);
    } else if (result.apiReportChanged) {
      failed = true;
      const temp = path.join(tempFolder, file);
      const current = path.join(packageDir, file);
      console.error(
        `${manifest.name}: the public API differs from ${file}` +
          `${fs.existsSync(current) ? '' : ' (missing)'}. If the change is intended, run \`pnpm api:update\` at the ` +
          'repository root and commit the report (docs/releasing.md).',
      );
      if (fs.existsSync(temp) && fs.existsSync(current)) {
        const { spawnSync } = require('node:child_process');
        const diff = spawnSync('diff', ['-u', current, temp], { encoding: 'utf8' });
        if (diff.stdout) console.error(diff.stdout);
      }
    }
    if (result.errorCount > 0) failed = true;
  }
} finally {
  fs.rmSync(tempFolder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
