/**
 * Cells of the group `metrics`: cloudwatch:PutMetricData only in the clients' namespace (KCL, KPL). A profile
 * without metrics gets none (group `other-service`).
 */
import { type MatrixContext, PROBE } from './context';

export function addMetricsCells(ctx: MatrixContext): void {
  const { exp, intent, list, req } = ctx;
  if (exp.metricsNamespace === undefined) {
    list.add(
      'other-service',
      `cloudwatch:PutMetricData is not part of ${intent.profile}`,
      'Denied',
      req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': PROBE }),
    );
    return;
  }
  const ns = exp.metricsNamespace;
  const who = exp.clients.join(', ');
  list.add(
    'metrics',
    `${who} needs cloudwatch:PutMetricData in the namespace ${ns}`,
    'Allowed',
    req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': ns }),
  );
  list.add(
    'metrics',
    'cloudwatch:PutMetricData in another namespace',
    'Denied',
    req('cloudwatch:PutMetricData', '*', { 'cloudwatch:namespace': `${ns}-other` }),
  );
  list.add(
    'metrics',
    'cloudwatch:PutMetricData without a namespace',
    'Denied',
    req('cloudwatch:PutMetricData', '*'),
  );
}
