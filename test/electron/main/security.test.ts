/**
 * Pins the security baseline (electron/main/security.ts): if any of these change, it is on purpose
 * and this test says so. Electron's own checklist is docs/tutorial/security.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/content-security-policy';
import {
  blockRemoteRequests,
  denyPermissions,
  EXTERNAL_HOSTS,
  guardContents,
  isAllowedExternal,
  SECURE_WEB_PREFERENCES,
  secureWebPreferences,
} from '../../../electron/main/security';
import { OPENAI_PAGES } from '../../../shared/openai-pages';
import { FakePreventable, FakeSession, FakeWebContents } from './support/fake-electron';

describe('the security baseline', () => {
  it('isolates and sandboxes the page, without Node, webviews or insecure content', () => {
    expect(SECURE_WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/out/preload/index.js',
    });
  });

  it("carries the dashboard's CSP in renderer/index.html (a meta tag cannot hold frame-ancestors)", () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('lets links out only to https pages on OpenAI’s own hosts', () => {
    expect([...EXTERNAL_HOSTS].sort()).toEqual(['help.openai.com', 'platform.openai.com']);
    for (const page of Object.values(OPENAI_PAGES)) expect(isAllowedExternal(page), page).toBe(true);
    expect(isAllowedExternal('https://help.openai.com/en/articles/8264644')).toBe(true);
    for (const refused of [
      'http://platform.openai.com/settings',
      'https://platform.openai.com.evil.example/',
      'https://evil.example/?u=https://platform.openai.com',
      'https://user:pass@platform.openai.com/',
      'https://platform.openai.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternal(refused), refused).toBe(false);
    }
  });

  it('denies navigation, redirects, webviews and new windows; allowed links open in the browser', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    guardContents(contents, { openExternal: (address) => opened.push(address) });
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigate(OPENAI_PAGES.limits)).toBe(false);
    const redirect = new FakePreventable();
    contents.emit('will-redirect', redirect, OPENAI_PAGES.billing);
    expect(redirect.prevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: OPENAI_PAGES.billing })).toEqual({ action: 'deny' });
    // The redirect is not followed outward: only what the user clicked opens.
    expect(opened).toEqual([OPENAI_PAGES.limits, OPENAI_PAGES.billing]);
  });

  it('cancels every request that is not for the app’s own files (no remote content)', () => {
    const session = new FakeSession();
    blockRemoteRequests(session, null);
    expect(session.allows('saldo://app/assets/index-abc.js')).toBe(true);
    expect(session.allows('data:image/png;base64,AAAA')).toBe(true);
    for (const remote of [
      'https://platform.openai.com/',
      'http://127.0.0.1:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
    ]) {
      expect(session.allows(remote), remote).toBe(false);
    }
  });

  it('in development also lets the dev server through, and nothing else', () => {
    const session = new FakeSession();
    blockRemoteRequests(session, 'http://localhost:5173/');
    expect(session.allows('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(session.allows('ws://localhost:5173/')).toBe(true);
    expect(session.allows('http://localhost:5174/')).toBe(false);
    expect(session.allows('https://evil.example/')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyPermissions(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      session.requestHandler!(null, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.checkHandler!(null, permission), permission).toBe(false);
    }
  });
});
