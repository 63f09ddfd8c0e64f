/** The `saldo` program: one entry, a table of commands, errors as one line and exit code 2. */
import { alertsCommand, alertsUsage } from './commands/alerts';
import { autoRechargeCommand, autoRechargeUsage } from './commands/auto-recharge';
import { checkCommand, checkUsage } from './commands/check';
import {
  calibrateCommand,
  calibrateUsage,
  grantCommand,
  grantUsage,
  ledgerCommand,
  ledgerUsage,
  purchaseCommand,
  purchaseUsage,
} from './commands/entries';
import { evaluateCommand, evaluateUsage } from './commands/evaluate';
import { exportCommand, exportUsage } from './commands/export';
import { keyCommand, keyUsage } from './commands/key';
import { serveCommand, serveUsage } from './commands/serve';
import { simulatorCommand, simulatorUsage } from './commands/simulator';
import { statusCommand, statusUsage, syncCommand, syncUsage } from './commands/status';
import { environmentKey, redactKeyShapes } from '../core/secrets';
import { INSTANT_FORMS } from './args';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UserError, errorLine, oneLine, type CliIo } from './io';

interface Command {
  /** `[synopsis, summary]`, e.g. `['evaluate CASE.json', 'apply the billing rules …']`. */
  usage: readonly [string, string];
  run: (args: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  status: { usage: statusUsage, run: statusCommand },
  sync: { usage: syncUsage, run: syncCommand },
  check: { usage: checkUsage, run: checkCommand },
  alerts: { usage: alertsUsage, run: alertsCommand },
  purchase: { usage: purchaseUsage, run: purchaseCommand },
  grant: { usage: grantUsage, run: grantCommand },
  calibrate: { usage: calibrateUsage, run: calibrateCommand },
  ledger: { usage: ledgerUsage, run: ledgerCommand },
  'auto-recharge': { usage: autoRechargeUsage, run: autoRechargeCommand },
  export: { usage: exportUsage, run: exportCommand },
  key: { usage: keyUsage, run: keyCommand },
  evaluate: { usage: evaluateUsage, run: evaluateCommand },
  simulator: { usage: simulatorUsage, run: (args, io) => simulatorCommand(args, io) },
  serve: { usage: serveUsage, run: (args, io) => serveCommand(args, io) },
};

export function helpText(): string {
  const rows: (readonly [string, string])[] = [
    ...Object.values(COMMANDS).map((command) => command.usage),
    ['--help', 'show this help'],
  ];
  return [
    'saldo — watch your LLM API prepaid credit',
    '',
    'Usage:',
    ...rows.flatMap(([synopsis, summary]) => [`  saldo ${synopsis}`, `      ${summary}`]),
    '',
    `WHEN: ${INSTANT_FORMS}.`,
    'USD: dollars as a decimal, up to 6 decimals (20, 20.001); shown as recorded.',
    '',
    'Environment: SALDO_HOME (data directory), SALDO_DEMO=1 (the demo account), OPENAI_ADMIN_KEY',
    '(an Admin key for this run, not stored), OPENAI_BASE_URL (a relay or the simulator).',
    '',
    'Exit codes: 0 done, 1 check: below, 2 error (one "error: <field>: <what is wrong>" line on stderr).',
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
      // A key typed where a command, option or path belongs must not be echoed back.
      io.stderr(redactKeyShapes(errorLine(error), environmentKey(io.env) ?? []));
      return EXIT_USAGE;
    }
    // Anything else is a bug: one line, no stack trace, and never the input itself.
    const kind = error instanceof Error ? oneLine(error.name) : 'unexpected failure';
    io.stderr(`error: internal: ${kind}\n`);
    return EXIT_INTERNAL;
  }
}
