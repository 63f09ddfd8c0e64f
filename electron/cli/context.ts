/**
 * The monitor as a command opens it: from the environment (`SALDO_HOME`, `SALDO_DEMO`,
 * `OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`), the settings and the keychain; notices (a corrupt file
 * moved aside) on stderr; closed however the command ends.
 */
import { openMonitor, type OpenedMonitor } from '../core/monitor';
import { UserError, type CliIo } from './io';

export async function withMonitor<T>(io: CliIo, run: (opened: OpenedMonitor) => Promise<T>): Promise<T> {
  const result = await openMonitor({ env: io.env, openSecrets: io.openSecrets });
  if (!result.ok) throw new UserError(result.field, result.message);
  const opened = result.value;
  for (const notice of opened.notices) io.stderr(`notice: ${notice}\n`);
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

/** A store's refusal as the user sees it: the field it names, or `store` for a file that failed. */
export function storeFailure(error: { kind: string; message: string; field?: string }): UserError {
  return new UserError(error.field ?? 'store', error.message);
}
