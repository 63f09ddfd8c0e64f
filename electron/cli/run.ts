/** The `saldo` program: one entry, a table of commands, errors as one line and exit code 2. */
import { evaluateCommand, evaluateUsage } from './commands/evaluate';
import { EXIT_OK, EXIT_USAGE, UserError, type CliIo } from './io';

interface Command {
  usage: string;
  run: (args: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  evaluate: { usage: evaluateUsage, run: evaluateCommand },
};

export function helpText(): string {
  const lines = Object.values(COMMANDS).map((command) => `  saldo ${command.usage}`);
  return [
    'saldo — watch your LLM API prepaid credit',
    '',
    'Usage:',
    ...lines,
    '  saldo --help           show this help',
    '',
    'Exit codes: 0 done, 2 bad input (one "error: <field>: <what is wrong>" line on stderr).',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (command === undefined) throw new UserError(name, 'unknown command (see saldo --help)');
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Anything else is a bug: one line, no stack trace, and never the input itself.
    io.stderr(`error: internal: ${error instanceof Error ? error.name : 'unexpected failure'}\n`);
    return 1;
  }
}
