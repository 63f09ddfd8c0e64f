/** What a command needs of the outside world, so commands run in-process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, as text. */
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
}

/** Exit codes: 0 done, 1 a check found a problem (later commands), 2 a usage or input error. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** A user error: printed as one `error: …` line, exit 2, never with a stack trace. */
export class UserError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}
