/**
 * The gateway to MessageBird: the real SDK behind its guards, or the in-process sandbox.
 * @see docs/MESSAGEBIRD.md
 */
import type { GatewayMode, SandboxScenario } from '@shared/settings';
import type { Clock, SmsGateway } from '../ports';
import { MessageBirdGateway } from './messagebird-gateway';
import { SandboxGateway } from './sandbox-gateway';
import type { TransportConfig } from './transport-config';

export interface GatewayOptions {
  mode: GatewayMode;
  apiKey: string;
  scenario: SandboxScenario;
  transport: TransportConfig;
  clock: Clock;
  /** Overall deadline per MessageBird call; default 15 s. */
  deadlineMs?: number;
}

/** Builds the sandbox or the MessageBird gateway for one API key. */
export function createGateway(options: GatewayOptions): SmsGateway {
  if (options.mode === 'sandbox') {
    return new SandboxGateway({ apiKey: options.apiKey, scenario: options.scenario, clock: options.clock });
  }
  return new MessageBirdGateway({
    apiKey: options.apiKey,
    transport: options.transport,
    ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }),
  });
}

export { MessageBirdGateway, DEFAULT_DEADLINE_MS, MESSAGE_ID_PATTERN } from './messagebird-gateway';
export { SandboxGateway, SandboxState } from './sandbox-gateway';
export { installTransport, transportFromEnv, TransportConfigError, MESSAGEBIRD_HOST } from './transport';
export { effectiveProxy, transportRoute, type TransportConfig, type TransportRoute } from './transport-config';
