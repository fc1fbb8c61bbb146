/** Reading one grant file: parse, validate and plan it with the policy model. */
import * as fs from 'node:fs';
import { type GrantPlan, type GrantSpec, loadGrantYaml, type Problem } from '@kinesis-access/policy-model';
import { describeFsError, type GrantFile } from './collect';

/** One grant file after parsing and planning (`text`: the YAML, for line numbers of cross-file problems). */
export type LoadedGrant =
  | {
      readonly file: GrantFile;
      readonly ok: true;
      readonly spec: GrantSpec;
      readonly plan: GrantPlan;
      readonly text: string;
    }
  | { readonly file: GrantFile; readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Read, parse, validate and plan one grant file. Problems carry the model's field paths and YAML lines — quota
 * problems too (they are found when planning).
 */
export function loadGrant(file: GrantFile): LoadedGrant {
  let text: string;
  try {
    text = fs.readFileSync(file.absolutePath, 'utf8');
  } catch (error) {
    return { file, ok: false, problems: [{ path: '', message: `cannot read: ${describeFsError(error)}` }] };
  }
  const loaded = loadGrantYaml(text);
  if (!loaded.ok) return { file, ok: false, problems: loaded.problems };
  return { file, ok: true, spec: loaded.value.spec, plan: loaded.value.plan, text };
}
