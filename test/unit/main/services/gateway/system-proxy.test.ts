import { describe, expect, it } from 'vitest';
import { proxyFromPacResult } from '../../../../../src/main/services/gateway/system-proxy';

describe('proxyFromPacResult', () => {
  it.each([
    ['PROXY proxy.corp.example:3128', 'http://proxy.corp.example:3128'],
    ['PROXY proxy.corp.example:3128; DIRECT', 'http://proxy.corp.example:3128'],
    ['HTTPS secure-proxy.example:443', 'https://secure-proxy.example:443'],
    ['SOCKS5 socks.example:1080; PROXY fallback.example:8080', 'http://fallback.example:8080'],
    ['  proxy 10.0.0.1:8080 ', 'http://10.0.0.1:8080'],
    ['PROXY [fd00::1]:3128', 'http://[fd00::1]:3128'],
  ])('%s → %s', (answer, proxyUrl) => {
    expect(proxyFromPacResult(answer)).toEqual({ proxyUrl });
  });

  it.each(['DIRECT', '', 'DIRECT; PROXY later.example:8080'])('%j means direct', (answer) => {
    expect(proxyFromPacResult(answer)).toEqual({ direct: true });
  });

  it('says what it skipped when nothing usable comes first', () => {
    expect(proxyFromPacResult('SOCKS5 socks.example:1080; DIRECT')).toEqual({ direct: true, skipped: 'SOCKS5 socks.example:1080' });
    expect(proxyFromPacResult('SOCKS socks.example:1080')).toEqual({ direct: true, skipped: 'SOCKS socks.example:1080' });
    expect(proxyFromPacResult('PROXY not a host')).toEqual({ direct: true, skipped: 'PROXY not a host' });
  });
});
