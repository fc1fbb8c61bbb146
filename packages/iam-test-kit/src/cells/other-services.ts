/** Cells of the group `other-service`: no grant reaches STS, IAM, S3 or CloudWatch reads. */
import { type MatrixContext, PROBE } from './context';

export function addOtherServiceCells(ctx: MatrixContext): void {
  const { list, req, partition, identityAccount } = ctx;
  list.add(
    'other-service',
    'no role chaining (sts:AssumeRole on another role)',
    'Denied',
    req('sts:AssumeRole', `arn:${partition}:iam::${identityAccount}:role/${PROBE}`),
  );
  list.add(
    'other-service',
    'no iam:PassRole',
    'Denied',
    req('iam:PassRole', `arn:${partition}:iam::${identityAccount}:role/${PROBE}`),
  );
  list.add('other-service', 'no S3', 'Denied', req('s3:GetObject', `arn:${partition}:s3:::${PROBE}/object`));
  list.add('other-service', 'no cloudwatch:GetMetricData', 'Denied', req('cloudwatch:GetMetricData', '*'));
}
