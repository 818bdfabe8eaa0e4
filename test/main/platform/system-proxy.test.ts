import { describe, expect, it, vi } from 'vitest';
import { withSystemProxy } from '../../../src/main/platform/system-proxy';
import { FakeSession } from '../fake-electron';

function sessionAnswering(answer: string | Error): FakeSession {
  const session = new FakeSession();
  session.proxyAnswer = answer;
  return session;
}

describe('withSystemProxy', () => {
  it('adds the proxy the system names for rest.messagebird.com', async () => {
    const session = sessionAnswering('PROXY proxy.corp.example:3128; DIRECT');
    expect(await withSystemProxy({}, session)).toEqual({ systemProxy: 'http://proxy.corp.example:3128' });
    expect(session.proxyQueries).toEqual(['https://rest.messagebird.com']);
  });

  it('keeps HTTPS_PROXY and connect-to as they are, without asking', async () => {
    const session = sessionAnswering('PROXY proxy.corp.example:3128');
    const withEnvProxy = { proxyUrl: 'http://explicit.example:8080' };
    expect(await withSystemProxy(withEnvProxy, session)).toBe(withEnvProxy);
    const withConnectTo = { connectTo: { host: '127.0.0.1', port: 8443 } };
    expect(await withSystemProxy(withConnectTo, session)).toBe(withConnectTo);
    expect(session.proxyQueries).toEqual([]);
  });

  it('stays direct on DIRECT, on an unusable answer (logged) and on an error (logged)', async () => {
    const log = vi.fn();
    expect(await withSystemProxy({}, sessionAnswering('DIRECT'), log)).toEqual({});
    expect(log).not.toHaveBeenCalled();
    expect(await withSystemProxy({}, sessionAnswering('SOCKS5 socks.example:1080'), log)).toEqual({});
    expect(log).toHaveBeenLastCalledWith(expect.stringContaining('SOCKS5 socks.example:1080'));
    const failure = new Error('net::ERR_FAILED');
    expect(await withSystemProxy({}, sessionAnswering(failure), log)).toEqual({});
    expect(log).toHaveBeenLastCalledWith('Could not read the system proxy; connecting directly', failure);
  });
});
