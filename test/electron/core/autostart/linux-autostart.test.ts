import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartDir,
  autostartEntry,
  isAutostartEnabled,
  quoteExecArgument,
  setAutostart,
} from '../../../../electron/core/autostart/linux-autostart';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('launch at login on Linux', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is unset or relative', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/config' }, '/home/u')).toBe('/x/config/autostart');
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/autostart');
  });

  it('quotes the program as the Desktop Entry spec asks', () => {
    expect(quoteExecArgument('/opt/Saldo/saldo')).toBe('"/opt/Saldo/saldo"');
    expect(quoteExecArgument('/home/a b/Saldo $1 `x` "q" \\.AppImage')).toBe(
      '"/home/a b/Saldo \\$1 \\`x\\` \\"q\\" \\\\.AppImage"',
    );
    expect(autostartEntry('/opt/Saldo/saldo')).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Saldo\n/);
  });

  it('writes the entry and removes it again', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-autostart-')), 'autostart');
    made.push(path.dirname(dir));
    expect(isAutostartEnabled(dir)).toBe(false);
    expect(setAutostart(dir, true, '/opt/Saldo/saldo')).toEqual({ ok: true });
    expect(isAutostartEnabled(dir)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'saldo.desktop'), 'utf8')).toContain('Exec="/opt/Saldo/saldo"\n');
    expect(setAutostart(dir, false, '/opt/Saldo/saldo')).toEqual({ ok: true });
    expect(isAutostartEnabled(dir)).toBe(false);
  });

  it('says what failed when the folder cannot be written', () => {
    const file = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-autostart-'));
    made.push(file);
    fs.writeFileSync(path.join(file, 'blocker'), '');
    const result = setAutostart(path.join(file, 'blocker', 'autostart'), true, '/opt/Saldo/saldo');
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('Launch at login could not be set'),
    });
  });
});
