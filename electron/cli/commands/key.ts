/**
 * `saldo key set|status|clear|test`: the Admin key in the OS keychain. `set` reads the key from a
 * hidden prompt or standard input, never from an argument (arguments land in shell history and in
 * `ps`), checks its form and stores only an Admin key. No output and no error ever shows more of a
 * key than its kind and last four characters.
 */
import os from 'node:os';
import { utcDayOf } from '../../core/utc-day';
import { baseUrlFor } from '../../core/monitor';
import { createOpenAiBackend } from '../../core/openai';
import {
  classifyKey,
  DEFAULT_ACCOUNT,
  environmentKey,
  keychainName,
  maskKey,
  normalizeKey,
  type SecretStore,
} from '../../core/secrets';
import { dataDir, openSettingsIn, type SettingsStore } from '../../core/stores';
import { storeFailure } from '../context';
import { EXIT_OK, EXIT_USAGE, UserError, oneLine, type CliIo } from '../io';

export const keyUsage = [
  'key set|status|clear|test',
  'store the OpenAI Admin key in the keychain (set reads stdin or a hidden prompt)',
] as const;

function settingsStore(io: CliIo): SettingsStore {
  const opened = openSettingsIn({ dir: dataDir(io.env, process.platform, os.homedir()) });
  if (!opened.ok) throw new UserError('store', opened.error.message);
  for (const notice of opened.notices) io.stderr(`notice: ${notice}\n`);
  return opened.settings;
}

function whereKeys(secrets: SecretStore): string {
  const description = secrets.describe();
  if (description.backend === 'keychain') return keychainName();
  if (description.backend === 'environment') return 'OPENAI_ADMIN_KEY (this run only)';
  return description.backend;
}

async function storedKey(secrets: SecretStore) {
  const found = await secrets.get(DEFAULT_ACCOUNT);
  if (!found.ok) throw new UserError('keychain', found.error.message);
  return found.value;
}

async function setKey(io: CliIo): Promise<number> {
  const key = normalizeKey(await io.readSecret('OpenAI Admin key (input hidden): '));
  const form = classifyKey(key);
  if (!form.ok) throw new UserError('key', `${form.explanation} Nothing was stored.`);
  const secrets = await io.openSecrets();
  if (secrets.describe().backend !== 'keychain') {
    throw new UserError('keychain', `unavailable, the key cannot be stored. ${secrets.describe().detail}`);
  }
  const stored = await secrets.set(DEFAULT_ACCOUNT, key);
  if (!stored.ok) throw new UserError('keychain', stored.error.message);
  const saved = settingsStore(io).update({ backend: 'openai' });
  if (!saved.ok) throw storeFailure(saved.error);
  io.stdout(
    `Stored ${maskKey(key)} in ${keychainName()}. Saldo now watches your OpenAI account: saldo sync\n`,
  );
  return EXIT_OK;
}

async function keyStatus(io: CliIo): Promise<number> {
  const secrets = await io.openSecrets();
  const lines: string[] = [];
  if (secrets.describe().backend === 'unavailable') {
    lines.push(`Keychain: unavailable. ${secrets.describe().detail}`);
  } else {
    const key = await storedKey(secrets);
    const kind = key === null ? null : classifyKey(key.reveal()).kind;
    lines.push(
      key === null
        ? `No key stored in ${whereKeys(secrets)}.`
        : `Stored: ${kind} key ${key.masked} in ${whereKeys(secrets)}.`,
    );
  }
  const fromEnv = environmentKey(io.env);
  if (fromEnv !== null) {
    lines.push(
      `OPENAI_ADMIN_KEY is set: ${classifyKey(fromEnv).kind} key ${maskKey(fromEnv)}, used for this run instead.`,
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function clearKey(io: CliIo): Promise<number> {
  const secrets = await io.openSecrets();
  if (secrets.describe().backend !== 'keychain') {
    throw new UserError('keychain', `unavailable: no key is stored. ${secrets.describe().detail}`);
  }
  const removed = await secrets.delete(DEFAULT_ACCOUNT);
  if (!removed.ok) throw new UserError('keychain', removed.error.message);
  const saved = settingsStore(io).update({ backend: 'demo' });
  if (!saved.ok) throw storeFailure(saved.error);
  io.stdout(
    removed.value
      ? `Removed the key from ${keychainName()}; Saldo shows the demo account.\n`
      : 'No key was stored.\n',
  );
  return EXIT_OK;
}

/** One small request (today's costs) with the key in use: does the provider accept it? */
async function testKey(io: CliIo): Promise<number> {
  const fromEnv = environmentKey(io.env);
  let key = fromEnv;
  if (key === null) {
    const secrets = await io.openSecrets();
    // No keychain is no key: the hint below says how to give one.
    key =
      secrets.describe().backend === 'unavailable' ? null : ((await storedKey(secrets))?.reveal() ?? null);
  }
  if (key === null) throw new UserError('key', 'none stored and OPENAI_ADMIN_KEY is not set: saldo key set');
  const base = baseUrlFor(io.env, settingsStore(io).read().baseUrl);
  if (!base.ok) throw new UserError('OPENAI_BASE_URL', base.message);
  const baseUrl = base.url;
  const backend = createOpenAiBackend({ apiKey: key, baseUrl, maxRetries: 1 });
  const answer = await backend.fetchCosts({ startDay: utcDayOf(Date.now()) });
  if (answer.ok) {
    io.stdout(`The key ${maskKey(key)} works: ${baseUrl} answered the costs request.\n`);
    return EXIT_OK;
  }
  io.stderr(`error: key: ${answer.error.kind}: ${oneLine(answer.error.message)}\n`);
  return EXIT_USAGE;
}

export async function keyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  // Nothing after the subcommand, and the refusal never repeats what was typed: it may be the key,
  // which on the command line would already be in the shell's history and in `ps`.
  if (rest.length > 0) {
    throw new UserError(
      `key ${sub ?? ''}`.trim(),
      'takes no arguments: pipe the key in (saldo key set < file) or type it at the hidden prompt',
    );
  }
  switch (sub) {
    case 'set':
      return setKey(io);
    case 'status':
      return keyStatus(io);
    case 'clear':
      return clearKey(io);
    case 'test':
      return testKey(io);
    default:
      throw new UserError('key', `usage: saldo ${keyUsage[0]}`);
  }
}
