/**
 * `saldo key set|status|clear|test`: the Admin key in the OS keychain. `set` reads the key from a
 * hidden prompt or standard input, never from an argument (arguments land in shell history and in
 * `ps`), checks its form and stores only an Admin key. No output and no error ever shows more of a
 * key than its kind and last four characters.
 */
import os from 'node:os';
import {
  clearKey as clearStoredKey,
  storeKey,
  testKey as testKeyInUse,
  type KeyStores,
} from '../../core/monitor';
import {
  classifyKey,
  DEFAULT_ACCOUNT,
  environmentKey,
  environmentKeyOrigin,
  keychainName,
  maskKey,
  type SecretStore,
} from '../../core/secrets';
import { dataDir, openSettingsIn, type SettingsStore } from '../../core/stores';
import { readOptions } from '../args';
import { EXIT_OK, UserError, type CliIo } from '../io';

export const keyUsage = [
  'key set [--base-url URL]|status|clear|test',
  'store the OpenAI Admin key in the keychain (set reads stdin or a hidden prompt); the key is sent only ' +
    'to the address it was set for: OpenAI, or --base-url (a relay, or http://127.0.0.1:PORT/v1 for the simulator)',
] as const;

/** Nothing after the subcommand but `set`'s address, and a refusal never repeats what was typed. */
const TAKES_NO_ARGUMENTS =
  'takes no arguments: pipe the key in (saldo key set < file) or type it at the hidden prompt';

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

function keyStores(io: CliIo): KeyStores {
  return { secrets: io.openSecrets, settings: () => settingsStore(io) };
}

/** `--base-url URL` or nothing; any other word may be the key itself, so it is never quoted back. */
function setAddress(args: readonly string[]): string | undefined {
  try {
    return readOptions(args, { 'base-url': { type: 'string' } }, 'key set', keyUsage[0]).values['base-url'];
  } catch {
    throw new UserError('key set', `${TAKES_NO_ARGUMENTS}; the only option is --base-url URL`);
  }
}

async function setKey(io: CliIo, baseUrl: string | undefined): Promise<number> {
  const secret = await io.readSecret('OpenAI Admin key (input hidden): ');
  const stored = await storeKey(secret, keyStores(io), io.env, baseUrl);
  if (!stored.ok) {
    throw new UserError(
      stored.field,
      stored.field === 'key' ? `${stored.message} Nothing was stored.` : stored.message,
    );
  }
  io.stdout(
    `Stored ${stored.value.masked} in ${keychainName()} for ${stored.value.origin} (it is sent nowhere else). ` +
      'Saldo now watches your OpenAI account: saldo sync\n',
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
        : `Stored: ${kind} key ${key.masked} in ${whereKeys(secrets)}, for ${key.origin}.`,
    );
  }
  const fromEnv = environmentKey(io.env);
  if (fromEnv !== null) {
    lines.push(
      `OPENAI_ADMIN_KEY is set: ${classifyKey(fromEnv).kind} key ${maskKey(fromEnv)} for ` +
        `${environmentKeyOrigin(io.env)}, used for this run instead.`,
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

async function clearKey(io: CliIo): Promise<number> {
  const cleared = await clearStoredKey(keyStores(io));
  if (!cleared.ok) throw new UserError(cleared.field, cleared.message);
  io.stdout(
    cleared.value.removed
      ? `Removed the key from ${keychainName()}; Saldo shows the demo account.\n`
      : 'No key was stored.\n',
  );
  return EXIT_OK;
}

/** One small request (today's costs) with the key in use: does the provider accept it? */
async function testKey(io: CliIo): Promise<number> {
  const tested = await testKeyInUse({ env: io.env, ...keyStores(io) });
  if (!tested.ok) {
    const hint = tested.missing
      ? ': saldo key set'
      : tested.elsewhere
        ? ' (saldo key set --base-url URL)'
        : '';
    throw new UserError(tested.field, `${tested.message}${hint}`);
  }
  const { masked, baseUrl } = tested.value;
  io.stdout(`The key ${masked} works: ${baseUrl} answered the costs request.\n`);
  return EXIT_OK;
}

export async function keyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'set') return setKey(io, setAddress(rest));
  // Nothing after the subcommand, and the refusal never repeats what was typed: it may be the key,
  // which on the command line would already be in the shell's history and in `ps`.
  if (rest.length > 0) throw new UserError(`key ${sub ?? ''}`.trim(), TAKES_NO_ARGUMENTS);
  switch (sub) {
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
