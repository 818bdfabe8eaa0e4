// The transport: environment parsing, the https.globalAgent hook the SDK depends on, certificate
// verification for rest.messagebird.com, and the CONNECT proxy tunnel, all over real sockets.
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageBirdGateway } from '../../../../../src/main/services/gateway/messagebird-gateway';
import {
  createTransportAgent,
  installTransport,
  transportFromEnv,
  TransportConfigError,
} from '../../../../../src/main/services/gateway/transport';
import type { TransportConfig } from '../../../../../src/main/services/gateway';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeMessageBird } from '../../../../fakes/fake-messagebird';

describe('transportFromEnv', () => {
  it('is direct when nothing is set or values are blank', () => {
    expect(transportFromEnv({})).toEqual({});
    expect(transportFromEnv({ HTTPS_PROXY: '  ', MESSAGEBIRD_CONNECT_TO: '' })).toEqual({});
  });

  it('reads MESSAGEBIRD_CONNECT_TO as host:port', () => {
    expect(transportFromEnv({ MESSAGEBIRD_CONNECT_TO: '127.0.0.1:8443' })).toEqual({
      connectTo: { host: '127.0.0.1', port: 8443 },
    });
    expect(transportFromEnv({ MESSAGEBIRD_CONNECT_TO: 'fake-mb.internal:443' }).connectTo).toEqual({
      host: 'fake-mb.internal',
      port: 443,
    });
    expect(transportFromEnv({ MESSAGEBIRD_CONNECT_TO: '[::1]:9000' }).connectTo).toEqual({ host: '::1', port: 9000 });
  });

  it.each(['127.0.0.1', '127.0.0.1:', ':443', 'host:0', 'host:65536', 'host:12ab', 'a b:443', 'https://x:443', '[nope]:1', 'x..y:443'])(
    'rejects MESSAGEBIRD_CONNECT_TO=%j naming the variable',
    (value) => {
      let thrown: unknown;
      try {
        transportFromEnv({ MESSAGEBIRD_CONNECT_TO: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TransportConfigError);
      expect((thrown as TransportConfigError).variable).toBe('MESSAGEBIRD_CONNECT_TO');
      expect((thrown as Error).message).toContain('MESSAGEBIRD_CONNECT_TO must be host:port');
    },
  );

  it('reads HTTPS_PROXY, falling back to https_proxy', () => {
    expect(transportFromEnv({ HTTPS_PROXY: 'http://proxy.example:3128' })).toEqual({ proxyUrl: 'http://proxy.example:3128/' });
    expect(transportFromEnv({ https_proxy: 'http://lower.example:8080' })).toEqual({ proxyUrl: 'http://lower.example:8080/' });
    expect(transportFromEnv({ HTTPS_PROXY: 'http://upper.example:1', https_proxy: 'http://lower.example:2' }).proxyUrl).toBe(
      'http://upper.example:1/',
    );
  });

  it.each([
    ['HTTPS_PROXY', 'proxy.example:3128'],
    ['HTTPS_PROXY', 'socks5://proxy.example:1080'],
    ['https_proxy', 'http://user:secret@proxy.example:3128/some/path'],
    ['HTTPS_PROXY', 'not a url'],
  ])('rejects %s=%j naming the variable and without echoing credentials', (variable, value) => {
    expect(() => transportFromEnv({ [variable]: value })).toThrow(TransportConfigError);
    try {
      transportFromEnv({ [variable]: value });
    } catch (error) {
      expect((error as TransportConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
      expect((error as Error).message).not.toContain('secret');
    }
  });
});

describe('installTransport', () => {
  let fake: FakeMessageBird;
  let restore: (() => void) | null = null;

  beforeAll(async () => {
    fake = await startFakeMessageBird();
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(() => {
    restore?.();
    restore = null;
    fake.reset();
  });

  const balanceVia = (transport: TransportConfig) =>
    new MessageBirdGateway({ apiKey: FAKE_LIVE_KEY, transport, deadlineMs: 3_000 }).getBalance();

  it('replaces https.globalAgent, which https.request without an agent really uses, and restores it', async () => {
    const original = https.globalAgent;
    restore = installTransport({ connectTo: fake.connectTo, extraCaPem: fake.caPem });
    const installed = https.globalAgent;
    expect(installed).not.toBe(original);

    // Plain https.request to rest.messagebird.com, exactly as the SDK does it, lands on the fake.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = https.request({ hostname: 'rest.messagebird.com', path: '/balance', method: 'GET' });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
    expect(fake.requests).toHaveLength(1);

    restore();
    restore = null;
    expect(https.globalAgent).toBe(original);
  });

  it('verifies the certificate: a fake whose CA is not trusted gets nothing', async () => {
    const stranger = await startFakeMessageBird();
    try {
      // Trusts the first fake's CA, connects to the second one.
      const result = await balanceVia({ connectTo: stranger.connectTo, extraCaPem: fake.caPem });
      expect(result).toMatchObject({ ok: false, error: { code: 'certificate' } });
      if (!result.ok) expect(result.error.description).toContain('certificate');
      expect(stranger.requests).toHaveLength(0);
    } finally {
      await stranger.close();
    }
  });

  it('verifies the name rest.messagebird.com, not the address connected to', async () => {
    const wrongName = await startFakeMessageBird({ certHostnames: ['localhost', 'api.example.com'] });
    try {
      const result = await balanceVia({ connectTo: wrongName.connectTo, extraCaPem: wrongName.caPem });
      expect(result).toMatchObject({ ok: false, error: { code: 'certificate' } });
      if (!result.ok) expect(result.error.description).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(wrongName.requests).toHaveLength(0);
    } finally {
      await wrongName.close();
    }
  });

  it('does not trust the fake without the extra CA (default roots only)', async () => {
    const result = await balanceVia({ connectTo: fake.connectTo });
    expect(result).toMatchObject({ ok: false, error: { code: 'certificate' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a refused connection as a network error that sent nothing', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await new MessageBirdGateway({
      apiKey: FAKE_LIVE_KEY,
      transport: { connectTo: { host: '127.0.0.1', port }, extraCaPem: fake.caPem },
    }).sendSms({ originator: 'AFAS', recipient: '+31612345678', body: 'x' });

    expect(result).toMatchObject({ ok: false, error: { code: 'network', maybeSent: false } });
    if (!result.ok) expect(result.error.description).toContain('ECONNREFUSED');
  });

  it('redirects only rest.messagebird.com', () => {
    const agent = createTransportAgent({ connectTo: { host: '127.0.0.1', port: 1 } });
    const seen: string[] = [];
    // The parent createConnection is used for other hosts; spy on it without connecting anywhere real.
    const parent = Object.getPrototypeOf(Object.getPrototypeOf(agent)) as { createConnection: (o: { host?: string }) => unknown };
    const original = parent.createConnection;
    parent.createConnection = function (options: { host?: string }) {
      seen.push(options.host ?? '');
      return null;
    };
    try {
      (agent as unknown as { createConnection: (o: object) => unknown }).createConnection({ host: 'example.org', port: 443 });
      expect(seen).toEqual(['example.org']);
    } finally {
      parent.createConnection = original;
      agent.destroy();
    }
  });

  describe('through an HTTP CONNECT proxy', () => {
    let proxy: net.Server;
    let connectLines: string[];
    const sockets = new Set<net.Socket>();

    beforeAll(async () => {
      connectLines = [];
      // A minimal CONNECT proxy that tunnels every target to the fake, like a corporate proxy would
      // tunnel to the real rest.messagebird.com.
      proxy = net.createServer((client) => {
        sockets.add(client);
        client.once('data', (head) => {
          const line = head.toString('latin1').split('\r\n')[0] ?? '';
          connectLines.push(line);
          const upstream = net.connect(fake.port, '127.0.0.1', () => {
            sockets.add(upstream);
            client.write('HTTP/1.1 200 Connection established\r\n\r\n');
            client.pipe(upstream).pipe(client);
          });
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    });

    it('tunnels to rest.messagebird.com:443 and verifies the certificate inside the tunnel', async () => {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 7 } });

      const result = await balanceVia({ proxyUrl, extraCaPem: fake.caPem });

      expect(result).toEqual({ ok: true, value: { payment: 'prepaid', type: 'euros', amount: 7 } });
      expect(connectLines).toEqual(['CONNECT rest.messagebird.com:443 HTTP/1.1']);
      expect(fake.requests[0]?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    });

    it('refuses the tunnel when the certificate inside it is not trusted', async () => {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      const result = await balanceVia({ proxyUrl });

      expect(result).toMatchObject({ ok: false, error: { code: 'certificate' } });
      expect(fake.requests).toHaveLength(0);
    });

    it('tunnels through the system proxy the same way, and HTTPS_PROXY wins over it', async () => {
      const systemProxy = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 7 } });
      connectLines.length = 0;

      expect(await balanceVia({ systemProxy, extraCaPem: fake.caPem })).toMatchObject({ ok: true });
      expect(connectLines).toEqual(['CONNECT rest.messagebird.com:443 HTTP/1.1']);

      // An HTTPS_PROXY that refuses everything: the call fails there, the system proxy is not used.
      const refusing = net.createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
      try {
        const proxyUrl = `http://127.0.0.1:${(refusing.address() as net.AddressInfo).port}`;
        expect(await balanceVia({ proxyUrl, systemProxy, extraCaPem: fake.caPem })).toMatchObject({ ok: false });
        expect(connectLines).toHaveLength(1);
      } finally {
        await new Promise((resolve) => refusing.close(resolve));
      }
    });
  });
});

describe('kept-alive connections', () => {
  let fake: FakeMessageBird;
  let restore: (() => void) | null = null;

  beforeAll(async () => {
    fake = await startFakeMessageBird();
  });
  afterAll(async () => {
    await fake.close();
  });
  afterEach(() => {
    restore?.();
    restore = null;
    fake.reset();
  });

  /** Installs the transport and records every socket the agent hands back to its pool. */
  function install(config: TransportConfig): Set<unknown> {
    restore = installTransport(config);
    const pooled = new Set<unknown>();
    https.globalAgent.on('free', (socket: unknown) => pooled.add(socket));
    return pooled;
  }

  const gatewayFor = (transport: TransportConfig, deadlineMs = 3_000) =>
    new MessageBirdGateway({ apiKey: FAKE_LIVE_KEY, transport, deadlineMs });

  it('sends several calls over one TLS connection, without piling up the SDK idle-timer listeners', async () => {
    const transport = { connectTo: fake.connectTo, extraCaPem: fake.caPem };
    const pooled = install(transport);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const gateway = gatewayFor(transport);
      for (let i = 0; i < 12; i++) expect((await gateway.getBalance()).ok).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }

    expect(fake.requests).toHaveLength(12);
    expect(pooled.size).toBe(1);
    expect(await fake.openConnections()).toBe(1);
    const [socket] = [...pooled] as net.Socket[];
    // The agent's own idle listener only: each request's SDK listener left with its request.
    expect(socket?.listenerCount('timeout')).toBe(1);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('parses the extra CA list once for the agent, not again for each new connection', async () => {
    const transport = { connectTo: fake.connectTo, extraCaPem: fake.caPem };
    const parses = vi.spyOn(tls, 'createSecureContext');
    try {
      install(transport);
      const atInstall = parses.mock.calls.length;
      const gateway = gatewayFor(transport);
      // Three calls at once: three new TLS connections.
      const results = await Promise.all([gateway.getBalance(), gateway.getBalance(), gateway.getBalance()]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await fake.openConnections()).toBe(3);
      expect(atInstall).toBe(1);
      expect(parses.mock.calls.length - atInstall).toBe(0);
    } finally {
      parses.mockRestore();
    }
  });

  it('refuses a wrong certificate on a new connection of an agent that already has a verified one', async () => {
    const stranger = await startFakeMessageBird(); // its own CA, not trusted below
    // A TCP relay in front of both fakes: first to the trusted one, then to the stranger.
    let upstreamPort = fake.port;
    const relayed = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(upstreamPort, '127.0.0.1');
      relayed.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const transport = { connectTo: { host: '127.0.0.1', port: (relay.address() as net.AddressInfo).port }, extraCaPem: fake.caPem };
      const pooled = install(transport);
      const gateway = gatewayFor(transport);
      expect((await gateway.getBalance()).ok).toBe(true);
      expect(pooled.size).toBe(1);

      // The pooled connection goes away (as when the server closes it); the next call must connect anew.
      upstreamPort = stranger.port;
      for (const socket of relayed) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));

      const result = await gateway.getBalance();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(`${result.error.code} ${result.error.description}`).toMatch(/certificate/i);
      expect(stranger.requests).toHaveLength(0);
    } finally {
      for (const socket of relayed) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
      await stranger.close();
    }
  });

  it('still ends a call at the deadline on a reused connection, and the next call works', async () => {
    const transport = { connectTo: fake.connectTo, extraCaPem: fake.caPem };
    install(transport);
    const gateway = gatewayFor(transport, 300);
    expect((await gateway.getBalance()).ok).toBe(true);

    fake.injectOnce({ type: 'delay', ms: 1_000 }, { path: '/balance' });
    const started = Date.now();
    const late = await gateway.getBalance();
    expect(late).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(900);

    expect(await gateway.getBalance()).toMatchObject({ ok: true });
  });

  it('keeps the tunnel through an HTTP CONNECT proxy open for the next call', async () => {
    const connectLines: string[] = [];
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      sockets.add(client);
      client.once('data', (head) => {
        connectLines.push(head.toString('latin1').split('\r\n')[0] ?? '');
        const upstream = net.connect(fake.port, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection established\r\n\r\n');
          client.pipe(upstream).pipe(client);
        });
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const transport = { proxyUrl: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, extraCaPem: fake.caPem };
      install(transport);
      const gateway = gatewayFor(transport);
      for (let i = 0; i < 3; i++) expect((await gateway.getBalance()).ok).toBe(true);
      expect(connectLines).toEqual(['CONNECT rest.messagebird.com:443 HTTP/1.1']);
      expect(fake.requests).toHaveLength(3);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
