import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  type FieldExtensionOptions,
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp } from '@backstage/test-utils';
import scaffolderModuleKinesisAccess, {
  clickHouseRoleArnFormFieldExtension,
  kinesisAccessPreviewFormFieldExtension,
  kinesisStreamsFormFieldExtension,
} from './alpha';
import {
  ClickHouseRoleArnField,
  ClickHouseRoleArnFieldExtension,
  clickHouseRoleArnValidation,
  KinesisAccessPreview,
  KinesisAccessPreviewExtension,
  KinesisStreamsField,
  KinesisStreamsFieldExtension,
  kinesisAccessPreviewValidation,
  kinesisStreamsValidation,
} from './index';

const expected = [
  {
    name: 'ClickHouseRoleArnField',
    component: ClickHouseRoleArnField,
    validation: clickHouseRoleArnValidation,
  },
  { name: 'KinesisStreamsField', component: KinesisStreamsField, validation: kinesisStreamsValidation },
  {
    name: 'KinesisAccessPreview',
    component: KinesisAccessPreview,
    validation: kinesisAccessPreviewValidation,
  },
];

/** What the legacy scaffolder page collects from its <ScaffolderFieldExtensions> outlet. */
let collected: FieldExtensionOptions[] = [];
function CollectLikeTheScaffolderPage() {
  collected = useCustomFieldExtensions(
    <ScaffolderFieldExtensions>
      <ClickHouseRoleArnFieldExtension />
      <KinesisStreamsFieldExtension />
      <KinesisAccessPreviewExtension />
    </ScaffolderFieldExtensions>,
  );
  return null;
}

describe('legacy frontend system', () => {
  it('provides the three field extensions to <ScaffolderFieldExtensions> under their ui:field names', async () => {
    await renderInTestApp(<CollectLikeTheScaffolderPage />);
    expect(collected.map(({ name, component, validation }) => ({ name, component, validation }))).toEqual(
      expected,
    );
    for (const extension of collected) expect(extension.schema?.returnValue).toBeDefined();
  });
});

describe('new frontend system', () => {
  it('is a frontend module of the scaffolder plugin', () => {
    expect(scaffolderModuleKinesisAccess.$$type).toBe('@backstage/FrontendModule');
    expect(scaffolderModuleKinesisAccess.pluginId).toBe('scaffolder');
  });

  /** What the scaffolder's form-fields API gets from a FormFieldBlueprint extension: a loader of the field. */
  async function loadField(loader: () => Promise<unknown>) {
    const field = (await loader()) as {
      $$type: string;
      name: string;
      component: unknown;
      validation: unknown;
    };
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
    return { name: field.name, component: field.component, validation: field.validation };
  }
  const loaderRef = FormFieldBlueprint.dataRefs.formFieldLoader;

  it('form field extensions load the three fields', async () => {
    expect(
      await loadField(createExtensionTester(clickHouseRoleArnFormFieldExtension).get(loaderRef)),
    ).toEqual(expected[0]);
    expect(await loadField(createExtensionTester(kinesisStreamsFormFieldExtension).get(loaderRef))).toEqual(
      expected[1],
    );
    expect(
      await loadField(createExtensionTester(kinesisAccessPreviewFormFieldExtension).get(loaderRef)),
    ).toEqual(expected[2]);
  });
});
