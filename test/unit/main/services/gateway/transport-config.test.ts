import { describe, expect, it } from 'vitest';
import { effectiveProxy, transportRoute } from '../../../../../src/main/services/gateway/transport-config';

describe('transport route', () => {
  const connectTo = { host: '127.0.0.1', port: 8443 };

  it('is connect-to, then HTTPS_PROXY, then the system proxy, then direct', () => {
    expect(transportRoute({ connectTo, proxyUrl: 'http://p:1', systemProxy: 'http://s:2' })).toBe('connect_to');
    expect(transportRoute({ proxyUrl: 'http://p:1', systemProxy: 'http://s:2' })).toBe('https_proxy');
    expect(transportRoute({ systemProxy: 'http://s:2' })).toBe('system_proxy');
    expect(transportRoute({})).toBe('direct');
  });

  it('tunnels through HTTPS_PROXY before the system proxy, and through none with connect-to', () => {
    expect(effectiveProxy({ proxyUrl: 'http://p:1', systemProxy: 'http://s:2' })).toBe('http://p:1');
    expect(effectiveProxy({ systemProxy: 'http://s:2' })).toBe('http://s:2');
    expect(effectiveProxy({ connectTo, systemProxy: 'http://s:2' })).toBeUndefined();
    expect(effectiveProxy({})).toBeUndefined();
  });
});
