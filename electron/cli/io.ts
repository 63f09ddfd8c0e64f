/** What a command needs of the outside world, so commands run in-process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, as text. */
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
}

/**
 * Exit codes: 0 done, 1 a check found a problem (later commands), 2 an error — bad usage, bad input,
 * or a bug caught at the top (`error: internal: …`), which scripts must treat as an error, not as "below".
 */
export const EXIT_OK = 0;
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
