import type { FieldChanges } from '../audit/audit-entry.entity.js';

/** What an erased value reads as in the audit log. */
export const ERASED = '(erased)';

/**
 * An audit entry's changes with the values of every field but `keep` replaced by {@link ERASED}:
 * the trail still says which fields changed when and by whom, not what they held.
 */
export function scrubChanges(changes: FieldChanges, keep: readonly string[] = []): FieldChanges {
  const scrubbed: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    scrubbed[field] = keep.includes(field)
      ? change
      : { before: change.before === null ? null : ERASED, after: change.after === null ? null : ERASED };
  }
  return scrubbed;
}
