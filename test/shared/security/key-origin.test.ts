import { describe, expect, it } from 'vitest';
import { apiOriginOf, isLoopbackHost, keyOriginRefusal, originOf } from '../../../shared/security/key-origin';

describe('key origins', () => {
  it.each([
    ['https://API.openai.com:443/v1', 'https://api.openai.com'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080'],
    ['http://localhost:80', 'http://localhost'],
    ['http://[::1]:9000/v1?x', 'http://[::1]:9000'],
  ])('%s has origin %s', (url, origin) => {
    expect(originOf(url)).toEqual({ ok: true, origin });
  });

  it('plain http only to this computer', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['127.0.0.256', '10.0.0.1', 'localhost.evil.example', '[::2]', '127.1'])
      expect(isLoopbackHost(host)).toBe(false);
    expect(apiOriginOf('http://relay.example/v1')).toMatchObject({ ok: false, message: /https:\/\// });
    expect(apiOriginOf('https://relay.example/v1')).toEqual({ ok: true, origin: 'https://relay.example' });
    expect(apiOriginOf('https://user:pw@relay.example/v1')).toMatchObject({ ok: false });
    expect(apiOriginOf('https://relay.example:99999/v1')).toMatchObject({ ok: false });
  });

  it('a key goes only to its own origin', () => {
    expect(
      keyOriginRefusal('https://api.openai.com', 'https://api.openai.com/v1/organization/costs'),
    ).toBeNull();
    expect(keyOriginRefusal('https://api.openai.com', 'http://127.0.0.1:9/v1')).toBe(
      'The key was given for https://api.openai.com; enter it again to use it with http://127.0.0.1:9',
    );
    expect(
      keyOriginRefusal('https://api.openai.com', 'https://api.openai.com.evil.example/v1'),
    ).not.toBeNull();
  });
});
