import type { SecretStore } from '../core/secrets';

/** What a command needs of the outside world, so commands run in-process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, as text. */
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  /** Writes a file the user named (mode 0600: exports hold what the user spent). */
  writeFile: (path: string, text: string) => Promise<void>;
  /** `SALDO_HOME`, `SALDO_DEMO`, `OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * A secret typed at a prompt without echo when standard input is a terminal, else all of
   * standard input (`saldo key set < key.txt`, a pipe from a password manager).
   */
  readSecret: (prompt: string) => Promise<string>;
  /** Where keys live: the OS keychain, else `OPENAI_ADMIN_KEY` (secrets/open-secret-store.ts). */
  openSecrets: () => Promise<SecretStore>;
}

/**
 * Exit codes: 0 done, 1 `saldo check` found the balance or runway below the line, 2 an error — bad
 * usage, bad input, a failed sync, or a bug caught at the top (`error: internal: …`), which scripts
 * must treat as an error, not as "below".
 */
export const EXIT_OK = 0;
export const EXIT_BELOW = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 2;

/** A user error: printed as one `error: …` line, exit 2, never with a stack trace. */
export class UserError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Control and line-separator characters (a newline quoted in a JSON parser's message, in a file
 * name) written as `\n`, `\u0001`…, so that an error is always exactly one line.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    return ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The one line of a user error: `error: <field>: <what is wrong>`. */
export function errorLine(error: UserError): string {
  return `error: ${oneLine(error.field)}: ${oneLine(error.detail)}\n`;
}
