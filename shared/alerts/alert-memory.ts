/**
 * What the alert rules remember between syncs and across restarts, so an alert fires once per
 * crossing and re-arms only after recovery. Stored by the LedgerStore; validated where it is read.
 */
import { z } from 'zod';

export const alertMemoryEntrySchema = z.object({
  /** Fired and not yet re-armed: the condition has not recovered with its margin. */
  active: z.boolean(),
  /** When it last fired (UTC ISO), or null. */
  firedAt: z.string().nullable(),
  /**
   * When the condition was first seen on a complete sync (UTC ISO), for rules that wait before
   * firing (a top-up missing for an hour). Optional: memory written before it existed still reads.
   */
  since: z.string().nullable().optional(),
  /**
   * A fingerprint of what was last announced (the id of the last auto-recharge seen), so an event
   * is told once even across restarts. Optional for the same reason.
   */
  ref: z.string().nullable().optional(),
});
export type AlertMemoryEntry = z.infer<typeof alertMemoryEntrySchema>;

/** Keyed by a stable alert id, e.g. `low-balance`, `expiry-7:<grant id>`, `budget-75:2026-11`. */
export const alertMemorySchema = z.record(z.string(), alertMemoryEntrySchema);
export type AlertMemory = z.infer<typeof alertMemorySchema>;
