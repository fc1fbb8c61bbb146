// Vite config of the browser harness (see ./main.tsx). The template manifest comes from the real
// templates/grant-clickpipes-kinesis-access/template.yaml, read when the page is served.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PATH = join(here, '../../../templates/grant-clickpipes-kinesis-access/template.yaml');
const VIRTUAL_ID = 'virtual:kinesis-access-template-manifest';

function templateManifest() {
  return {
    name: 'kinesis-access-template-manifest',
    resolveId(id) {
      return id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      this.addWatchFile(TEMPLATE_PATH);
      const template = parse(readFileSync(TEMPLATE_PATH, 'utf8'));
      const manifest = {
        title: template.metadata.title,
        steps: template.spec.parameters.map((page) => ({ title: page.title, schema: page })),
      };
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

export default defineConfig({
  root: here,
  logLevel: 'warn',
  clearScreen: false,
  plugins: [templateManifest()],
  esbuild: { jsx: 'automatic' },
  // The policy model is a workspace package compiled to CommonJS: bundle it like a CommonJS dependency.
  optimizeDeps: { include: ['@kinesis-access/policy-model'], entries: [join(here, 'index.html')] },
  build: {
    outDir: join(here, '../node_modules/.harness-dist'),
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
    commonjsOptions: { include: [/node_modules/, /packages[\\/]policy-model[\\/]dist/] },
    rollupOptions: {
      onwarn(warning, warn) {
        // MUI 5 and swr mark modules 'use client' (a React Server Components hint); meaningless in this bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1', fs: { allow: [join(here, '../../..')] } },
});
