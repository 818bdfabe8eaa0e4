/**
 * The one place where the route to MessageBird is configured: direct, through an HTTPS proxy
 * (`HTTPS_PROXY`), or a connect-to override (`MESSAGEBIRD_CONNECT_TO=host:port`) that sends the TLS
 * connection for rest.messagebird.com elsewhere while still verifying the certificate for that name.
 *
 * The `messagebird` SDK calls `https.request(options)` without an `agent`, with a fixed host and port
 * 443, so `https.globalAgent` is its only hook. Node 22 reads `https.globalAgent` at every
 * `https.request` call (`options._defaultAgent = module.exports.globalAgent`), so replacing the
 * property works (transport.test.ts sends a plain agent-less `https.request` through it to the fake).
 * Connect-to wins over a proxy when both are set.
 *
 * Connections are kept alive and reused (a new TLS handshake per send cost several times the send
 * itself). A reused connection was verified when it was opened; every new one is verified again.
 * @see docs/TOOLCHAIN.md "Fake MessageBird over real HTTPS"
 * @see docs/ARCHITECTURE.md "MessageBird traffic"
 */
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { Agent as HttpAgent, ClientRequest } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { effectiveProxy, type TransportConfig } from './transport-config';

export const MESSAGEBIRD_HOST = 'rest.messagebird.com';

/** A malformed transport variable; `variable` names it so the startup message can say which. */
export class TransportConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportConfigError';
  }
}

const MAX_ENV_VALUE = 2048;

/**
 * Reads the transport from the environment: `HTTPS_PROXY` (or `https_proxy`) and
 * `MESSAGEBIRD_CONNECT_TO=host:port`. Empty values count as unset.
 * @throws TransportConfigError naming the variable when a value is malformed.
 */
export function transportFromEnv(env: Record<string, string | undefined>): TransportConfig {
  const config: TransportConfig = {};
  const proxyVar = nonEmpty(env.HTTPS_PROXY) !== undefined ? 'HTTPS_PROXY' : 'https_proxy';
  const proxy = nonEmpty(env[proxyVar]);
  if (proxy !== undefined) config.proxyUrl = parseProxyUrl(proxyVar, proxy);
  const connectTo = nonEmpty(env.MESSAGEBIRD_CONNECT_TO);
  if (connectTo !== undefined) config.connectTo = parseHostPort('MESSAGEBIRD_CONNECT_TO', connectTo);
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseProxyUrl(variable: string, value: string): string {
  // The value may carry proxy credentials: never echo it in the error.
  const bad = new TransportConfigError(variable, `${variable} must be a proxy URL such as http://proxy.example:3128`);
  if (value.length > MAX_ENV_VALUE) throw bad;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw bad;
  if (url.pathname !== '/' && url.pathname !== '') throw bad;
  return url.href;
}

/** Parses `host:port` or `[ipv6]:port`; exported for the fake server's CLI and tests. */
export function parseHostPort(variable: string, value: string): { host: string; port: number } {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  const bad = new TransportConfigError(
    variable,
    `${variable} must be host:port (for example 127.0.0.1:8443), got "${shown}"`,
  );
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(value);
  if (!match) throw bad;
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (match[1] !== undefined && net.isIPv6(host) === false) throw bad;
  if (match[2] !== undefined && !isHostname(host)) throw bad;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad;
  return { host, port };
}

function isHostname(host: string): boolean {
  if (net.isIPv4(host)) return true;
  if (host.length > 253) return false;
  return host.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * CA list for connections to MessageBird. Without an extra CA, Node's default applies (bundled roots
 * plus `NODE_EXTRA_CA_CERTS`, read at process start). An explicit `ca` option replaces that default,
 * so an extra CA (in-process tests) is added to the default list rather than passed alone.
 * The list is parsed once into a secure context for the agent: passed as `ca`, every new connection
 * would parse the whole root list again (about 11 ms of blocked event loop each).
 */
type CaOption = { secureContext?: tls.SecureContext };

function caOption(extraCaPem: string | undefined): CaOption {
  if (!extraCaPem) return {};
  const defaults =
    typeof tls.getCACertificates === 'function' ? tls.getCACertificates('default') : [...tls.rootCertificates];
  return { secureContext: tls.createSecureContext({ ca: [...defaults, extraCaPem] }) };
}

/**
 * An idle connection is closed after this long: shorter than common server keep-alive timeouts (Node's
 * default is 5 s), so a send is rarely written onto a connection the server is just closing. When the
 * server had already reset it, the kernel refuses the write and the gateway sends once more on a fresh
 * connection (nothing left); a reset after the request left is never retried ("maybe sent").
 * Node also honours a shorter `Keep-Alive: timeout=` hint from the server.
 */
export const IDLE_CONNECTION_MS = 4_000;

/**
 * Up to 16 idle connections are kept: a burst of sends and delivery polls reuses them instead of
 * opening and dropping connections; each still closes after `IDLE_CONNECTION_MS` without use.
 */
const KEEP_ALIVE = { keepAlive: true, timeout: IDLE_CONNECTION_MS, maxFreeSockets: 16 } as const;

type SocketCallback = (err: Error | null, socket?: Duplex) => void;
type TimeoutListener = (...args: unknown[]) => void;

/**
 * The SDK adds a 'timeout' listener to the socket of every request (its idle timer) and never removes
 * it; on a reused socket they would pile up (and warn after ten). When a request is done and its
 * socket goes back to the pool, drop every 'timeout' listener the agent itself did not install, so
 * each request carries exactly its own. The agent's own listener closes idle pooled sockets.
 */
function dropRequestListenersOnFree(agent: HttpAgent): void {
  const own = new WeakMap<Duplex, TimeoutListener[]>();
  const internals = agent as unknown as {
    createSocket(req: ClientRequest, options: object, cb: SocketCallback): void;
  };
  const createSocket = internals.createSocket.bind(agent);
  internals.createSocket = (req, options, cb) =>
    createSocket(req, options, (err, socket) => {
      // Called right after the agent installed its listeners and before any request saw the socket.
      if (socket) own.set(socket, socket.listeners('timeout') as TimeoutListener[]);
      cb(err, socket);
    });
  agent.on('free', (socket: Duplex) => {
    const keep = own.get(socket) ?? [];
    for (const listener of socket.listeners('timeout') as TimeoutListener[]) {
      if (!keep.includes(listener)) socket.removeListener('timeout', listener);
    }
  });
}

/** Sends TLS for rest.messagebird.com to another address, still verifying the name rest.messagebird.com. */
class ConnectToAgent extends https.Agent {
  constructor(
    private readonly target: { host: string; port: number },
    private readonly extraCa: CaOption,
  ) {
    // The pool key is host:port:servername, so a reused socket is always one to this agent's target.
    super(KEEP_ALIVE);
    dropRequestListenersOnFree(this);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    if (options.host !== MESSAGEBIRD_HOST) return super.createConnection(options, callback);
    return tls.connect({
      ...(options as tls.ConnectionOptions),
      ...this.extraCa,
      host: this.target.host,
      port: this.target.port,
      servername: MESSAGEBIRD_HOST,
      // Explicit, so NODE_TLS_REJECT_UNAUTHORIZED=0 cannot send the access key to an unverified peer.
      rejectUnauthorized: true,
    });
  }
}

/** Tunnels through an HTTP(S) proxy with CONNECT; the TLS inside the tunnel is verified as usual. */
class ProxyTunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxyUrl: string,
    private readonly extraCa: CaOption,
  ) {
    super(proxyUrl, KEEP_ALIVE);
    dropRequestListenersOnFree(this);
    // Installed as the https global agent: say so instead of relying on agent-base's stack-trace guess,
    // otherwise Node would take port 80 as the default for the SDK's port-less requests.
    this.protocol = 'https:';
    this.defaultPort = 443;
  }

  /**
   * Only https requests come here. agent-base otherwise guesses from the call stack, which differs
   * between taking a connection and handing it back, so the pool would never find it again.
   */
  override isSecureEndpoint(): boolean {
    return true;
  }

  override connect(req: ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    return super.connect(req, { ...opts, ...this.extraCa, rejectUnauthorized: true } as typeof opts);
  }
}

function plainAgent(extraCa: CaOption): https.Agent {
  const agent = new https.Agent({ ...KEEP_ALIVE, ...extraCa });
  dropRequestListenersOnFree(agent);
  return agent;
}

/**
 * Builds the agent for a transport. Connect-to wins over a proxy: it is the explicit override for tests;
 * `HTTPS_PROXY` wins over the system proxy (`effectiveProxy`).
 */
export function createTransportAgent(config: TransportConfig): https.Agent {
  const extraCa = caOption(config.extraCaPem);
  if (config.connectTo) return new ConnectToAgent(config.connectTo, extraCa);
  const proxy = effectiveProxy(config);
  if (proxy) return new ProxyTunnelAgent(proxy, extraCa) as unknown as https.Agent;
  return plainAgent(extraCa);
}

// `import https from` gives the CommonJS module object the SDK's `require('https')` also gets; its
// `globalAgent` is writable even though the typings declare it as an import binding.
const httpsModule = https as unknown as { globalAgent: https.Agent };

let installed: { key: string; agent: https.Agent } | null = null;

function configKey(config: TransportConfig): string {
  return JSON.stringify([config.connectTo?.host, config.connectTo?.port, config.proxyUrl, config.systemProxy, config.extraCaPem]);
}

/**
 * Replaces `https.globalAgent` with an agent for `config`. Returns a function that puts the previous
 * agent back (tests restore between cases). Affects every `https.request` without an explicit agent in
 * this process; the connect-to agent only redirects rest.messagebird.com.
 */
export function installTransport(config: TransportConfig): () => void {
  const previous = httpsModule.globalAgent;
  const agent = createTransportAgent(config);
  httpsModule.globalAgent = agent;
  installed = { key: configKey(config), agent };
  return () => {
    if (httpsModule.globalAgent === agent) httpsModule.globalAgent = previous;
    if (installed?.agent === agent) installed = null;
    agent.destroy();
  };
}

/**
 * Closes every idle kept-alive connection of the installed agent, so the next request opens a fresh one.
 * For a request that found its reused connection already reset by the server: the other idle ones are
 * as old, and a retry must not meet the same fate. Connections in use are left alone.
 */
export function dropIdleConnections(): void {
  const agent = httpsModule.globalAgent as unknown as { freeSockets?: Record<string, Duplex[] | undefined> };
  for (const sockets of Object.values(agent.freeSockets ?? {})) {
    // Out of the pool at once (the agent itself would drop them only on their 'close', a tick later).
    for (const socket of sockets?.splice(0) ?? []) socket.destroy();
  }
}

/** Installs the transport unless the same configuration is already in place (called before each SDK call). */
export function ensureTransport(config: TransportConfig): void {
  if (installed && installed.key === configKey(config) && httpsModule.globalAgent === installed.agent) return;
  installTransport(config);
}
