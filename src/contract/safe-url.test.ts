import { describe, it } from 'node:test';
import { expect } from 'chai';
import { allowedOrigin, safeUrl } from './schemas.js';

// safeUrl(): which URLs from the backend the widget may render as a link or an image.
// https anywhere, http only on the loopback hosts, no other scheme, no credentials, no
// relative URL; and, when the host gives an allow-list of origins, only those origins.

describe('safeUrl', () => {
  it('lets an absolute https URL through, normalized', () => {
    expect(safeUrl('https://admin.example.com/users')).to.equal('https://admin.example.com/users');
    expect(safeUrl('https://admin.example.com')).to.equal('https://admin.example.com/');
    expect(safeUrl('https://admin.example.com:8443/a/../users?tab=seats#top')).to.equal('https://admin.example.com:8443/users?tab=seats#top');
    // The default port is dropped; the host is lower-cased, the path is not.
    expect(safeUrl('https://Admin.Example.COM:443/Users')).to.equal('https://admin.example.com/Users');
    // An internationalized host in its ASCII form, spaces in the path escaped.
    expect(safeUrl('https://bücher.example/a b')).to.equal('https://xn--bcher-kva.example/a%20b');
  });

  it('takes the scheme in any case, and returns it in lower case', () => {
    expect(safeUrl('HTTPS://EXAMPLE.COM/Path')).to.equal('https://example.com/Path');
    expect(safeUrl('HtTpS://example.com')).to.equal('https://example.com/');
    expect(safeUrl('HTTP://LOCALHOST:3000/x')).to.equal('http://localhost:3000/x');
    expect(safeUrl('HTTP://EXAMPLE.COM/')).to.equal(null);
    expect(safeUrl('JAVASCRIPT:alert(1)')).to.equal(null);
    expect(safeUrl('JavaScript:alert(1)')).to.equal(null);
  });

  it('refuses plain http on any host but localhost, 127.0.0.1 and [::1]', () => {
    for (const url of ['http://example.com', 'http://example.com/', 'http://admin.example.com/users', 'http://10.0.0.1/', 'http://192.168.1.10:8080/', 'http://[2001:db8::1]/']) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('allows plain http on the loopback hosts, any port', () => {
    expect(safeUrl('http://localhost/users')).to.equal('http://localhost/users');
    expect(safeUrl('http://localhost:5173/users')).to.equal('http://localhost:5173/users');
    expect(safeUrl('http://127.0.0.1:8080/portal')).to.equal('http://127.0.0.1:8080/portal');
    expect(safeUrl('http://[::1]:8080/portal')).to.equal('http://[::1]:8080/portal');
    // Other spellings of the same addresses are normalized to them first.
    expect(safeUrl('http://[0:0:0:0:0:0:0:1]/')).to.equal('http://[::1]/');
    expect(safeUrl('http://2130706433/')).to.equal('http://127.0.0.1/');
    // https there is fine too.
    expect(safeUrl('https://localhost:8443/')).to.equal('https://localhost:8443/');
  });

  it('does not take a host that only looks like a loopback one', () => {
    for (const url of [
      'http://localhost.example.com/',
      'http://localhost./',
      'http://127.0.0.1.nip.io/',
      'http://127.0.0.2/',
      'http://0.0.0.0/',
      'http://[::ffff:127.0.0.1]/',
      'http://example.com/localhost',
      'http://example.com#localhost',
      'http://example.com?h=127.0.0.1',
      // A backslash is a path separator in an http URL: the host is example.com.
      'http://example.com\\@localhost/',
    ]) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'javascript:alert(1)',
      'javascript://example.com/%0aalert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'blob:https://example.com/0d0c2b0e-7a3b-4b1c-9a51-3f7b1f2c0c11',
      'file:///etc/passwd',
      'ftp://example.com/file',
      'ws://localhost/',
      'wss://example.com/',
      'mailto:billing@example.com',
      'vbscript:msgbox(1)',
      'about:blank',
    ]) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses a URL with credentials in it', () => {
    for (const url of ['https://user:pw@example.com/', 'https://user@example.com/', 'https://:pw@example.com/', 'http://user:pw@localhost/', 'https://example.com@evil.example/']) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses relative URLs: the backend must send absolute ones', () => {
    for (const url of ['/users', 'users', './users', '../users', '//example.com/users', '?tab=1', '#top', 'example.com/users', 'localhost:3000']) {
      expect(safeUrl(url), url).to.equal(null);
    }
  });

  it('refuses what is no URL at all, and what is not a string', () => {
    for (const value of ['', ' ', 'not a url', 'https://', 'https://exa mple.com/', 'https://[::1/', 'https://example.com:99999/', 'http://%zz/']) {
      expect(safeUrl(value), JSON.stringify(value)).to.equal(null);
    }
    for (const value of [null, undefined, 42, {}, ['https://example.com/'], new URL('https://example.com/')]) {
      expect(safeUrl(value as never), String(value)).to.equal(null);
    }
  });

  describe('with an allow-list of origins', () => {
    const origins = ['https://billing.example.com', 'https://admin.example.com:8443', 'http://localhost:5173'];

    it('lets through a URL whose origin is listed', () => {
      expect(safeUrl('https://billing.example.com/corporate', origins)).to.equal('https://billing.example.com/corporate');
      expect(safeUrl('https://BILLING.example.com:443/corporate', origins)).to.equal('https://billing.example.com/corporate');
      expect(safeUrl('https://admin.example.com:8443/users', origins)).to.equal('https://admin.example.com:8443/users');
      expect(safeUrl('http://localhost:5173/icon.png', origins)).to.equal('http://localhost:5173/icon.png');
    });

    it('refuses a URL whose origin is not listed: another host, subdomain, port or scheme', () => {
      for (const url of [
        'https://evil.example/corporate',
        'https://example.com/',
        'https://cdn.billing.example.com/corporate',
        'https://billing.example.com.evil.example/',
        'https://billing.example.com:8443/corporate',
        'https://admin.example.com/users',
        'http://localhost:3000/icon.png',
        'https://localhost:5173/icon.png',
        'https://evil.example/https://billing.example.com/',
        'https://evil.example\\@billing.example.com/',
      ]) {
        expect(safeUrl(url, origins), url).to.equal(null);
      }
    });

    it('narrows the rules, never widens them', () => {
      // Listing an http origin on a real host does not make plain http there safe.
      expect(safeUrl('http://billing.example.com/corporate', ['http://billing.example.com'])).to.equal(null);
      for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://user:pw@billing.example.com/', '/corporate']) {
        expect(safeUrl(url, origins), url).to.equal(null);
      }
    });

    it('accepts list entries written with a trailing slash, another case or the default port', () => {
      const url = 'https://billing.example.com/corporate';
      for (const entry of ['https://billing.example.com/', 'HTTPS://Billing.Example.COM', 'https://billing.example.com:443', ' https://billing.example.com ']) {
        expect(safeUrl(url, [entry]), entry).to.equal(url);
      }
    });

    it('lets nothing through when no entry is an origin', () => {
      const url = 'https://billing.example.com/corporate';
      for (const entry of ['billing.example.com', '*.example.com', 'https://*.example.com', 'https://billing.example.com/corporate', 'https://billing.example.com/?x', 'https://u:p@billing.example.com', 'null', '*', '']) {
        expect(safeUrl(url, [entry]), JSON.stringify(entry)).to.equal(null);
      }
    });

    it('an empty list, or none, means no restriction beyond the scheme rules', () => {
      expect(safeUrl('https://anywhere.example/x', [])).to.equal('https://anywhere.example/x');
      expect(safeUrl('https://anywhere.example/x', undefined)).to.equal('https://anywhere.example/x');
      expect(safeUrl('https://anywhere.example/x', null)).to.equal('https://anywhere.example/x');
    });
  });
});

describe('allowedOrigin', () => {
  it('normalizes an origin', () => {
    expect(allowedOrigin('https://billing.example.com')).to.equal('https://billing.example.com');
    expect(allowedOrigin('https://Billing.Example.com/')).to.equal('https://billing.example.com');
    expect(allowedOrigin('https://billing.example.com:443')).to.equal('https://billing.example.com');
    expect(allowedOrigin('https://billing.example.com:8443')).to.equal('https://billing.example.com:8443');
    expect(allowedOrigin('http://localhost:5173')).to.equal('http://localhost:5173');
  });

  it('returns null for what is not an http(s) origin', () => {
    for (const entry of ['', 'billing.example.com', 'https://billing.example.com/path', 'https://billing.example.com/#x', 'https://u@billing.example.com', 'data:text/plain,x', 'ftp://example.com', 'javascript:alert(1)']) {
      expect(allowedOrigin(entry), JSON.stringify(entry)).to.equal(null);
    }
    expect(allowedOrigin(undefined as never)).to.equal(null);
  });
});
