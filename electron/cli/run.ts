/** The `saldo` program: one entry, a table of commands, errors as one line and exit code 2. */
import { evaluateCommand, evaluateUsage } from './commands/evaluate';
import { simulatorCommand, simulatorUsage } from './commands/simulator';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UserError, errorLine, oneLine, type CliIo } from './io';

interface Command {
  /** `[synopsis, summary]`, e.g. `['evaluate CASE.json', 'apply the billing rules …']`. */
  usage: readonly [string, string];
  run: (args: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  evaluate: { usage: evaluateUsage, run: evaluateCommand },
  simulator: { usage: simulatorUsage, run: (args, io) => simulatorCommand(args, io) },
};

export function helpText(): string {
  const rows: (readonly [string, string])[] = [
    ...Object.values(COMMANDS).map((command) => command.usage),
    ['--help', 'show this help'],
  ];
  const width = Math.max(...rows.map(([synopsis]) => synopsis.length)) + 3;
  return [
    'saldo — watch your LLM API prepaid credit',
    '',
    'Usage:',
    ...rows.map(([synopsis, summary]) => `  saldo ${synopsis.padEnd(width)}${summary}`),
    '',
    'Exit codes: 0 done, 2 bad input (one "error: <field>: <what is wrong>" line on stderr).',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return EXIT_OK;
  }
  try {
    if (name === undefined) {
      throw new UserError(
        'command',
        `missing; one of: ${Object.keys(COMMANDS).join(', ')} (see saldo --help)`,
      );
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
      // The name goes in the detail, quoted: as the field, a `:` or newline in it would break the line.
      throw new UserError('command', `unknown command "${name}" (see saldo --help)`);
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(errorLine(error));
      return EXIT_USAGE;
    }
    // Anything else is a bug: one line, no stack trace, and never the input itself.
    const kind = error instanceof Error ? oneLine(error.name) : 'unexpected failure';
    io.stderr(`error: internal: ${kind}\n`);
    return EXIT_INTERNAL;
  }
}
