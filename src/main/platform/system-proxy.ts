import type { Session } from 'electron';
import { MESSAGEBIRD_HOST } from '../services/gateway/transport';
import { proxyFromPacResult } from '../services/gateway/system-proxy';
import type { TransportConfig } from '../services/gateway/transport-config';

/**
 * Adds the operating system's proxy for MessageBird (Electron's proxy resolution: manual settings, PAC,
 * WPAD) to a transport read from the environment. `HTTPS_PROXY` and the connect-to override win and
 * the system is not even asked: they are set on purpose for this process, while the system setting is
 * a machine-wide default made for browsers. Asked once at start.
 */
export async function withSystemProxy(
  config: TransportConfig,
  session: Pick<Session, 'resolveProxy'>,
  log: (message: string, error?: unknown) => void = () => {},
): Promise<TransportConfig> {
  if (config.proxyUrl || config.connectTo) return config;
  try {
    const answer = proxyFromPacResult(await session.resolveProxy(`https://${MESSAGEBIRD_HOST}`));
    if ('proxyUrl' in answer) return { ...config, systemProxy: answer.proxyUrl };
    if (answer.skipped) log(`System proxy for ${MESSAGEBIRD_HOST} not usable (${answer.skipped}); connecting directly`);
    return config;
  } catch (error) {
    log('Could not read the system proxy; connecting directly', error);
    return config;
  }
}
