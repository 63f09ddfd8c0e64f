import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../../electron/core/stores/data-dir';

describe('dataDir', () => {
  it('is SALDO_HOME when set, on every platform', () => {
    expect(dataDir({ SALDO_HOME: '/srv/saldo', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ann')).toBe(
      '/srv/saldo',
    );
    expect(dataDir({ SALDO_HOME: 'D:\\saldo' }, 'win32', 'C:\\Users\\ann')).toBe('D:\\saldo');
  });

  it('follows XDG_CONFIG_HOME on Linux, ignoring a relative one as the spec says', () => {
    expect(dataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Saldo');
    expect(dataDir({ XDG_CONFIG_HOME: '/home/ann/cfg' }, 'linux', '/home/ann')).toBe('/home/ann/cfg/Saldo');
    expect(dataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/ann')).toBe('/home/ann/.config/Saldo');
    expect(dataDir({ SALDO_HOME: '' }, 'linux', '/home/ann')).toBe('/home/ann/.config/Saldo');
  });

  it('is Application Support on macOS and %APPDATA% on Windows', () => {
    expect(dataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Saldo');
    expect(dataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Saldo',
    );
    expect(dataDir({}, 'win32', 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Saldo');
  });
});
