import { grantFromTemplateInput, templateParameterOfPath } from './template-input';
import { validateGrant } from './validate';

describe('grantFromTemplateInput', () => {
  it('builds the raw grant the action builds from the same parameters', () => {
    expect(
      grantFromTemplateInput({
        name: 'orders-clickpipes',
        clickhouseRoleArn: 'arn:aws:iam::111122223333:role/CH-Role',
        streams: [
          { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' },
          {
            arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/enc',
            kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
          },
        ],
        roleName: 'ClickHouseAccessRole-orders',
        permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
        tags: { team: 'data' },
        repoUrl: 'github.com?owner=o&repo=r',
        preview: 'ignored',
      }),
    ).toEqual({
      apiVersion: 'kinesis-access/v1',
      kind: 'KinesisAccessGrant',
      metadata: { name: 'orders-clickpipes' },
      spec: {
        profile: 'clickpipes',
        principal: { roleArn: 'arn:aws:iam::111122223333:role/CH-Role' },
        role: {
          name: 'ClickHouseAccessRole-orders',
          permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
          tags: { team: 'data' },
        },
        streams: [
          { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' },
          {
            arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/enc',
            kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
          },
        ],
      },
    });
  });

  it('leaves out blank optional parameters and keeps the profile the form chose', () => {
    const grant = grantFromTemplateInput({
      name: 'x',
      clickhouseRoleArn: 'a',
      streams: [{ arn: 's', kmsKeyArn: '  ' }],
      roleName: '',
      permissionsBoundaryArn: null,
      description: ' ',
      profile: 'read',
    });
    expect(grant.metadata).toEqual({ name: 'x' });
    expect(grant.spec).toEqual({ profile: 'read', principal: { roleArn: 'a' }, streams: [{ arn: 's' }] });
  });

  it('maps resourcePolicyPrincipals to spec.resourcePolicy.principals; an empty list is not given', () => {
    const principals = ['arn:aws:iam::444455556666:root'];
    expect(grantFromTemplateInput({ resourcePolicyPrincipals: principals }).spec).toMatchObject({
      resourcePolicy: { principals },
    });
    expect(grantFromTemplateInput({ resourcePolicyPrincipals: [] }).spec).not.toHaveProperty(
      'resourcePolicy',
    );
    expect(grantFromTemplateInput({ resourcePolicyPrincipals: null }).spec).not.toHaveProperty(
      'resourcePolicy',
    );
  });

  it('passes wrong shapes through for the model to report', () => {
    expect(grantFromTemplateInput({ streams: 'not-a-list' }).spec).toMatchObject({ streams: 'not-a-list' });
    expect(grantFromTemplateInput({ streams: [{ arn: 's', shards: 4 }, 'x'] }).spec).toMatchObject({
      streams: [{ arn: 's', shards: 4 }, 'x'],
    });
    expect(grantFromTemplateInput(undefined)).toEqual({
      apiVersion: 'kinesis-access/v1',
      kind: 'KinesisAccessGrant',
      metadata: {},
      spec: { profile: 'clickpipes', principal: { roleArn: undefined } },
    });
  });
});

describe('problem paths → form parameters', () => {
  it.each([
    ['spec.principal.roleArn', 'clickhouseRoleArn'],
    ['spec.streams', 'streams'],
    ['spec.streams[1].arn', 'streams[1].arn'],
    ['spec.role.name', 'roleName'],
    ['spec.role.tags.team', 'tags.team'],
    ['metadata.name', 'name'],
    ['spec.profile', 'profile'],
    ['spec.resourcePolicy', 'resourcePolicyPrincipals'],
    ['spec.resourcePolicy.principals[0]', 'resourcePolicyPrincipals[0]'],
  ])('%s → %s', (path, parameter) => expect(templateParameterOfPath(path)).toBe(parameter));

  it('has no parameter for document-level paths or look-alike prefixes', () => {
    expect(templateParameterOfPath('')).toBeUndefined();
    expect(templateParameterOfPath('apiVersion')).toBeUndefined();
    expect(templateParameterOfPath('spec.role.nameX')).toBeUndefined();
  });
});

describe('template input → model', () => {
  it('gives a grant the model accepts, with the default clickpipes role name', () => {
    const result = validateGrant(
      grantFromTemplateInput({
        name: 'orders-clickpipes',
        clickhouseRoleArn: 'arn:aws:iam::111122223333:role/ClickHouse-Service-Role',
        streams: [{ arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders', kmsKeyArn: '' }],
        roleName: '',
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('reports problems on paths that map back to the parameter the person filled', () => {
    const result = validateGrant(
      grantFromTemplateInput({
        name: 'Bad Name',
        clickhouseRoleArn: 'nope',
        streams: [{ arn: 'arn:aws:s3:::b' }],
      }),
    );
    if (result.ok) throw new Error('expected problems');
    const parameters = result.problems.map((p) => templateParameterOfPath(p.path));
    expect(parameters).toEqual(expect.arrayContaining(['name', 'clickhouseRoleArn', 'streams[0].arn']));
  });
});
