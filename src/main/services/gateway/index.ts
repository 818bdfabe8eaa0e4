// Placeholder owned by the gateway work: createGateway(options) builds the MessageBird or sandbox gateway.
import type { GatewayMode, SandboxScenario } from '../../../shared/settings';
import type { Clock, SmsGateway } from '../ports';

export interface TransportConfig {
  /** `HTTPS_PROXY` URL, when set. */
  proxyUrl?: string;
  /** `MESSAGEBIRD_CONNECT_TO=host:port`: TLS to rest.messagebird.com goes here, certificate still verified. */
  connectTo?: { host: string; port: number };
}

export interface GatewayOptions {
  mode: GatewayMode;
  apiKey: string;
  scenario: SandboxScenario;
  transport: TransportConfig;
  clock: Clock;
}

export function createGateway(_options: GatewayOptions): SmsGateway {
  throw new Error('not implemented yet');
}
