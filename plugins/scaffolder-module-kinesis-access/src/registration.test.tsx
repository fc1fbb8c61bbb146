import { createExtensionTester } from '@backstage/frontend-test-utils';
import { type FieldExtensionOptions, ScaffolderFieldExtensions, useCustomFieldExtensions } from '@backstage/plugin-scaffolder-react';
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
  kinesisAccessPreviewValidation,
  KinesisStreamsField,
  KinesisStreamsFieldExtension,
  kinesisStreamsValidation,
} from './index';

const expected = [
  { name: 'ClickHouseRoleArnField', component: ClickHouseRoleArnField, validation: clickHouseRoleArnValidation },
  { name: 'KinesisStreamsField', component: KinesisStreamsField, validation: kinesisStreamsValidation },
  { name: 'KinesisAccessPreview', component: KinesisAccessPreview, validation: kinesisAccessPreviewValidation },
];

describe('legacy frontend system', () => {
  it('provides the three field extensions to <ScaffolderFieldExtensions> under their ui:field names', async () => {
    let collected: FieldExtensionOptions[] = [];
    function Collect() {
      collected = useCustomFieldExtensions(
        <ScaffolderFieldExtensions>
          <ClickHouseRoleArnFieldExtension />
          <KinesisStreamsFieldExtension />
          <KinesisAccessPreviewExtension />
        </ScaffolderFieldExtensions>,
      );
      return null;
    }
    await renderInTestApp(<Collect />);
    expect(collected.map(({ name, component, validation }) => ({ name, component, validation }))).toEqual(expected);
    for (const extension of collected) expect(extension.schema?.returnValue).toBeDefined();
  });
});

describe('new frontend system', () => {
  it('is a frontend module of the scaffolder plugin', () => {
    expect(scaffolderModuleKinesisAccess.$$type).toBe('@backstage/FrontendModule');
    expect(scaffolderModuleKinesisAccess.pluginId).toBe('scaffolder');
  });

  it.each([
    [clickHouseRoleArnFormFieldExtension, 0],
    [kinesisStreamsFormFieldExtension, 1],
    [kinesisAccessPreviewFormFieldExtension, 2],
  ] as const)('form field extension %# loads the field', async (extension, index) => {
    expect(extension.kind).toBe('scaffolder-form-field');
    const loader = createExtensionTester(extension).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await loader()) as unknown as { $$type: string; name: string; component: unknown; validation: unknown };
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
    expect({ name: field.name, component: field.component, validation: field.validation }).toEqual(expected[index]);
  });
});
