/**
 * Browser harness: the scaffolder's own form (`Stepper` from @backstage/plugin-scaffolder-react) showing the
 * real template's parameter pages, with the field extensions collected the way the legacy app collects them
 * (`<ScaffolderFieldExtensions>` + `useCustomFieldExtensions`), inside a Backstage app context.
 * Driven by ../browser/run-browser-test.mjs.
 */
import {
  createScaffolderFieldExtension,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
  type FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { wrapInTestApp } from '@backstage/test-utils';
import type { JsonValue } from '@backstage/types';
import { compileGrant } from '@kinesis-access/policy-model';
import '@backstage/ui/css/styles.css';
import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import { createRoot } from 'react-dom/client';
import templateManifest from 'virtual:kinesis-access-template-manifest';
import {
  ClickHouseRoleArnFieldExtension,
  KinesisAccessPreviewExtension,
  KinesisStreamsFieldExtension,
  grantFromTemplateInput,
  kinesisAccessFieldsPlugin,
} from '../src';

/** Stand-in for RepoUrlPicker, which needs SCM integrations and a backend: a plain text input. */
function RepoUrlStandIn(props: FieldExtensionComponentProps<string>) {
  return (
    <TextField
      fullWidth
      margin="normal"
      label="Infrastructure repository (stand-in for RepoUrlPicker)"
      inputProps={{ 'aria-label': 'Infrastructure repository' }}
      value={props.formData ?? ''}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
const RepoUrlStandInExtension = kinesisAccessFieldsPlugin.provide(
  createScaffolderFieldExtension({ name: 'RepoUrlPicker', component: RepoUrlStandIn }),
);

const fieldExtensions = (
  <ScaffolderFieldExtensions>
    <ClickHouseRoleArnFieldExtension />
    <KinesisStreamsFieldExtension />
    <KinesisAccessPreviewExtension />
    <RepoUrlStandInExtension />
  </ScaffolderFieldExtensions>
);

function Harness() {
  const extensions = useCustomFieldExtensions(fieldExtensions);
  const [created, setCreated] = useState<Record<string, JsonValue> | undefined>();
  if (created) {
    const compiled = compileGrant(grantFromTemplateInput(created));
    return (
      <div style={{ padding: 16 }}>
        <h2>Submitted</h2>
        <pre data-testid="created-values">{JSON.stringify(created, null, 2)}</pre>
        <p data-testid="created-grant-status">
          {compiled.ok ? `grant ok: ${compiled.value.role.arn}` : 'grant invalid'}
        </p>
      </div>
    );
  }
  return (
    <div style={{ padding: 16, maxWidth: 1400 }}>
      <h2 style={{ margin: '0 0 8px' }}>{templateManifest.title}</h2>
      <Stepper
        manifest={templateManifest}
        extensions={extensions}
        onCreate={async (values) => setCreated(values)}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('harness: #root is missing');
createRoot(root).render(wrapInTestApp(<Harness />));
