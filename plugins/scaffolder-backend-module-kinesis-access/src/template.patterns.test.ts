/**
 * The template's form patterns repeat a little of the model's knowledge (ARN shapes, the ClickPipes role-name
 * prefix) so most typos never leave the form. The model stays the authority, so a pattern may be looser than the
 * model but never stricter: every value the model accepts must pass the form. This pins that down.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { grantFromTemplateInput, validateGrant } from '@kinesis-access/policy-model';
import * as yaml from 'yaml';

const TEMPLATE_FILE = path.resolve(
  __dirname,
  '../../../templates/grant-clickpipes-kinesis-access/template.yaml',
);

interface Schema {
  readonly pattern?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
}

const template = yaml.parse(fs.readFileSync(TEMPLATE_FILE, 'utf8')) as {
  spec: { parameters: { properties: Record<string, Schema> }[] };
};
const fields: Record<string, Schema> = Object.assign(
  {},
  ...template.spec.parameters.map((p) => p.properties),
);

function pattern(schema: Schema | undefined, field: string): RegExp {
  if (schema?.pattern === undefined) throw new Error(`template field ${field} has no pattern`);
  return new RegExp(schema.pattern, 'u');
}

const patterns = {
  name: pattern(fields.name, 'name'),
  clickhouseRoleArn: pattern(fields.clickhouseRoleArn, 'clickhouseRoleArn'),
  roleName: pattern(fields.roleName, 'roleName'),
  streamArn: pattern(fields.streams?.items?.properties?.arn, 'streams[].arn'),
  kmsKeyArn: pattern(fields.streams?.items?.properties?.kmsKeyArn, 'streams[].kmsKeyArn'),
};

const PARTITIONS = [
  { partition: 'aws', region: 'eu-west-1' },
  { partition: 'aws-cn', region: 'cn-north-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
];

const cases = PARTITIONS.flatMap(({ partition, region }) => [
  {
    name: 'orders-clickpipes',
    clickhouseRoleArn: `arn:${partition}:iam::111122223333:role/ClickHouse-Service-Role`,
    streams: [{ arn: `arn:${partition}:kinesis:${region}:123456789012:stream/orders` }],
  },
  {
    name: 'a1',
    clickhouseRoleArn: `arn:${partition}:iam::111122223333:role/service-role/CH_S3.role+x=y,z@w`,
    roleName: 'ClickHouseAccessRole-Orders_2024.v2+x=y,z@w',
    streams: [
      {
        arn: `arn:${partition}:kinesis:${region}:123456789012:stream/Orders_2024.v2-${'x'.repeat(100)}`,
        kmsKeyArn: `arn:${partition}:kms:${region}:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab`,
      },
      {
        arn: `arn:${partition}:kinesis:${region}:123456789012:stream/payments`,
        kmsKeyArn: `arn:${partition}:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      },
    ],
  },
]);

describe('template patterns are never stricter than the model', () => {
  it.each(cases.map((c) => [c.clickhouseRoleArn, c]))(
    'accepts what the model accepts: %s',
    (_label, values) => {
      const validated = validateGrant(grantFromTemplateInput(values));
      expect(validated.ok ? [] : validated.problems).toEqual([]);

      expect(values.name).toMatch(patterns.name);
      expect(values.clickhouseRoleArn).toMatch(patterns.clickhouseRoleArn);
      if ('roleName' in values) expect(values.roleName).toMatch(patterns.roleName);
      for (const stream of values.streams) {
        expect(stream.arn).toMatch(patterns.streamArn);
        if ('kmsKeyArn' in stream && stream.kmsKeyArn !== undefined)
          expect(stream.kmsKeyArn).toMatch(patterns.kmsKeyArn);
      }
    },
  );

  it('refuses in the form what the model refuses, for the common typos', () => {
    expect('arn:aws:kms:us-east-1:123456789012:alias/orders').not.toMatch(patterns.kmsKeyArn);
    expect('arn:aws:s3:::orders').not.toMatch(patterns.streamArn);
    expect('arn:aws:iam::*:role/x').not.toMatch(patterns.clickhouseRoleArn);
    expect('MyRole').not.toMatch(patterns.roleName);
  });
});
