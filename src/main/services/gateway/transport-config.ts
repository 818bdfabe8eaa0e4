/**
 * What the route to MessageBird is made of, as plain data: read from the environment by transport.ts,
 * completed with the operating system's proxy by the desktop app, shown in Settings. A module of its
 * own so the gateway's files all depend on it and it on none of them.
 * @see docs/ARCHITECTURE.md "MessageBird traffic"
 */
export interface TransportConfig {
  /** `HTTPS_PROXY` URL, when set. */
  proxyUrl?: string;
  /**
   * The proxy the operating system names for https://rest.messagebird.com (Electron's proxy
   * resolution: PAC, WPAD or manual settings), as an http:// or https:// URL; absent for DIRECT.
   * `HTTPS_PROXY` wins: it is set on purpose for this process, the system setting is a machine default.
   */
  systemProxy?: string;
  /** `MESSAGEBIRD_CONNECT_TO=host:port`: TLS to rest.messagebird.com goes here, certificate still verified. */
  connectTo?: { host: string; port: number };
  /**
   * One more trusted CA (PEM) on top of Node's default list, for in-process tests against the fake
   * server. Separate processes use `NODE_EXTRA_CA_CERTS` instead, which Node reads at start.
   */
  extraCaPem?: string;
}

/** Which route MessageBird calls take, in the order they win. */
export type TransportRoute = 'connect_to' | 'https_proxy' | 'system_proxy' | 'direct';

export function transportRoute(config: TransportConfig): TransportRoute {
  if (config.connectTo) return 'connect_to';
  if (config.proxyUrl) return 'https_proxy';
  if (config.systemProxy) return 'system_proxy';
  return 'direct';
}

/** The proxy URL the transport tunnels through, if any (connect-to goes straight to its address). */
export function effectiveProxy(config: TransportConfig): string | undefined {
  if (config.connectTo) return undefined;
  return config.proxyUrl ?? config.systemProxy;
}
