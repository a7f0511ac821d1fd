import { describe, expect, it } from 'vitest';
import { isTrustedSenderUrl } from '../../../../src-main/electron/sender-check.js';

describe('isTrustedSenderUrl', () => {
  it('accepts our app:// pages', () => {
    for (const url of ['app://netwright/index.html', 'app://netwright/', 'app://netwright/index.html#/editor']) {
      expect([url, isTrustedSenderUrl(url)]).toEqual([url, true]);
    }
  });

  it('accepts the dev server only when one is configured, and only its origin', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
  });

  it('rejects everything else', () => {
    for (const url of [
      undefined, null, '', 'not a url', 'https://evil.example.com/', 'file:///work/main/dist/renderer/index.html', 'app://evil/index.html',
      'app://netwright.evil.com/', 'app://user:pw@netwright/', 'data:text/html,<script>1</script>', 'about:blank', 'devtools://devtools/bundled/x.html',
    ]) {
      expect([url, isTrustedSenderUrl(url, 'http://localhost:5173')]).toEqual([url, false]);
    }
  });
});
