/** Options of one command, read strictly: an unknown option or a stray word is a user error. */
import { parseArgs } from 'node:util';
import { parseInstant } from '../../shared/billing/instant';
import { UserError } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;
type Values<S extends OptionSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

/**
 * `args` against `spec`. `command` names the command in errors (`purchase add`), `synopsis` is
 * its usage line, shown when the options are wrong.
 */
export function readOptions<S extends OptionSpec>(
  args: readonly string[],
  spec: S,
  command: string,
  synopsis: string,
  positionals = 0,
): { values: Values<S>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: spec, strict: true, allowPositionals: positionals > 0 });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'bad options';
    const option = /'--([\w-]+)/.exec(message)?.[1];
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' &&
      option !== undefined
    ) {
      // `--amount` with no value, or one that looks like an option (`--amount -5`).
      throw new UserError(option, `needs a value (one starting with - is written --${option}=-5)`);
    }
    // Node's sentence up to the first period names the option ("Unknown option '--x'").
    throw new UserError(command, `${message.split('. ')[0] ?? message} (usage: saldo ${synopsis})`);
  }
  if (parsed.positionals.length > positionals) {
    throw new UserError(
      command,
      `unexpected "${parsed.positionals[positionals]}" (usage: saldo ${synopsis})`,
    );
  }
  return { values: parsed.values as Values<S>, positionals: parsed.positionals };
}

/** How `--help` and errors name the two forms an instant option takes. */
export const INSTANT_FORMS =
  'a date like 2030-01-01 (taken as 00:00 UTC) or an instant like 2030-01-01T12:00:00Z';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant option (`--at`, `--expires`) as the ledger stores it: a date alone is the start of that
 * UTC day, so `--at 2030-01-01` means 2030-01-01T00:00:00Z; anything else must be a whole instant.
 */
export function instantOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
  if (parseInstant(text) === undefined) throw new UserError(option, `must be ${INSTANT_FORMS}`);
  return text;
}

/** A required string option, or a user error naming it. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UserError(option, 'is required');
  return value;
}
