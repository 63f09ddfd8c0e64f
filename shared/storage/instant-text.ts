/** UTC instants in the store files: ISO 8601 text the billing engine reads (shared/billing/instant.ts). */
import { z } from 'zod';
import { formatInstant, parseInstant } from '../billing/instant';

const FORMAT = 'must be an instant like 2026-03-01T12:00:00Z (UTC year 0001 to 9999)';

/** Any instant the engine reads, written back in its one canonical form (`…Z`). */
export const instantTextSchema = z
  .string({ error: FORMAT })
  .refine((text) => parseInstant(text) !== undefined, FORMAT)
  .transform((text) => formatInstant(parseInstant(text)!));
