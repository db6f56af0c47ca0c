import type { Respondent } from '../answers/model.js';

/** The respondent as `--respondent "Ana, support"` gives it: a name, and after the first comma a role. */
export function parseRespondent(value: string): Respondent {
  const comma = value.indexOf(',');
  const name = (comma === -1 ? value : value.slice(0, comma)).trim();
  const role = comma === -1 ? '' : value.slice(comma + 1).trim();
  return role ? { name, role } : { name };
}
