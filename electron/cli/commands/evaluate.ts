/** `saldo evaluate CASE.json`: the billing engine on one case file (spec §10), result on stdout. */
import { parse } from 'lossless-json';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { resultToJson } from '../../../shared/billing/result-json';
import { EXIT_OK, UserError, type CliIo } from '../io';

export const evaluateUsage = [
  'evaluate CASE.json',
  'apply the billing rules to a case file (- reads stdin)',
] as const;

async function readCase(path: string, io: CliIo): Promise<string> {
  try {
    return await (path === '-' ? io.readStdin() : io.readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
    const why = code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error');
    // The path goes in the detail: as the field, a `:` in it would make the line ambiguous.
    const what = path === '-' ? 'standard input' : JSON.stringify(path);
    throw new UserError('case', `cannot read ${what} (${why})`);
  }
}

export async function evaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UserError('evaluate', 'takes exactly one case file (or - for stdin)');
  const text = await readCase(args[0]!, io);
  let raw: unknown;
  try {
    // Numbers stay text (LosslessNumber): the engine reads every amount from its exact decimal.
    raw = parse(text);
  } catch (error) {
    throw new UserError('case', `not valid JSON (${(error as Error).message})`);
  }
  const evaluation = evaluateCase(raw);
  if (!evaluation.ok) throw new UserError(evaluation.error.field, evaluation.error.message);
  io.stdout(`${resultToJson(evaluation.result)}\n`);
  return EXIT_OK;
}
