import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

// electron-builder validates its configuration before it downloads anything; these are its own
// loader and validator (an internal path of app-builder-lib: electron-builder is pinned).
const root = path.resolve(__dirname, '..', '..');

async function schemaErrors(config: Configuration): Promise<string | null> {
  try {
    await validateConfiguration(config, new DebugLogger(false));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    expect(await schemaErrors(await getConfig(root, null, null))).toBeNull();
  });

  it.each([
    // Inside a section that may also be null, the schema names the section, not the key.
    ['an unknown key', { linuxx: { category: 'Utility' } }, 'linuxx'],
    ['a misspelt fuse', { electronFuses: { runAsNod: false } }, 'configuration.electronFuses'],
    ['a wrong type', { nsis: { oneClick: 'no' } }, 'configuration.nsis'],
  ])('would be rejected with %s, named', async (_case, change, named) => {
    const config = { ...(await getConfig(root, null, null)), ...change } as Configuration;
    expect(await schemaErrors(config)).toContain(named);
  });

  it('makes the deb package depend on libsecret, which keytar loads at run time', async () => {
    const config = await getConfig(root, null, null);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });
});
