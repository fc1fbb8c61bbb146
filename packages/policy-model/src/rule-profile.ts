/**
 * Rule for the profile-specific blocks: `kcl`, `upsolver`, `consumerName`, `kplMetrics` and
 * `principal.externalId` only where the profile uses them, and required where it needs them.
 */

import { received } from './problems';
import { PROFILES } from './profiles';
import { asObj, type RuleInput } from './rule-context';

export function profileRules({ spec, profile, add }: RuleInput): void {
  if (profile === undefined) return;
  const principal = asObj(spec.principal);
  if (profile === 'kcl-consumer' && spec.kcl === undefined) {
    add(
      ['spec', 'kcl'],
      'is required by profile "kcl-consumer" (kcl.applicationName names the lease table and metrics namespace)',
    );
  }
  if (profile !== 'kcl-consumer' && spec.kcl !== undefined) {
    add(['spec', 'kcl'], `is only allowed with profile "kcl-consumer", received profile "${profile}"`);
  }
  if (profile !== 'upsolver' && spec.upsolver !== undefined) {
    add(['spec', 'upsolver'], `is only allowed with profile "upsolver", received profile "${profile}"`);
  }
  const definition = PROFILES[profile];
  if (profile === 'clickpipes' && principal?.externalId !== undefined) {
    add(
      ['spec', 'principal', 'externalId'],
      received(
        'is not allowed with profile "clickpipes": ClickPipes sends no external id when it assumes the role, so a trust policy that requires one could never be assumed (remove externalId)',
        principal.externalId,
      ),
    );
  }
  const upsolver = asObj(spec.upsolver);
  const upsolverCredentials = upsolver?.credentials ?? 'role';
  if (profile === 'upsolver' && upsolverCredentials === 'role' && principal?.externalId === undefined) {
    add(
      ['spec', 'principal', 'externalId'],
      'is required by profile "upsolver" with credentials "role": Upsolver\'s role-based setup puts an external id in the trust relationship and sends it when it assumes the role. Use the external id you give the Upsolver connection (its EXTERNAL_ID option / "External ID" field)',
    );
  }
  if (
    spec.consumerName !== undefined &&
    (definition.consumerNaming === 'none' || definition.consumerNaming === 'client')
  ) {
    add(
      ['spec', 'consumerName'],
      received(
        definition.consumerNaming === 'client'
          ? `is not allowed with profile "${profile}": ClickPipes registers and names its enhanced fan-out consumers itself`
          : `is only allowed with profiles kcl-consumer, read and read-write (profile "${profile}" reads through no consumer)`,
        spec.consumerName,
      ),
    );
  }
  if (spec.kplMetrics !== undefined && !definition.kplMetrics) {
    add(
      ['spec', 'kplMetrics'],
      `is only allowed with profiles write and read-write (the KPL is a producer), received profile "${profile}"`,
    );
  }
}
