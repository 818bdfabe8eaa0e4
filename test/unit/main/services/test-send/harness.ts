import { randomBytes } from 'node:crypto';
import type { GatewayFactory, KeyValueStore } from '../../../../../src/main/services/ports';
import { SendLog } from '../../../../../src/main/services/send-log';
import { TestSendService, type ActiveProfileInfo } from '../../../../../src/main/services/test-send/test-send-service';
import { DEFAULT_PREFERENCES, type Preferences } from '@shared/settings';
import { ManualTime } from '../../../../support/manual-time';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}

export const LIVE_PROFILE: ActiveProfileInfo = {
  id: 'p-live',
  participantNumber: '12345',
  description: 'Acme',
  originator: 'Acme',
};

export interface HarnessOptions {
  gatewayFor: GatewayFactory;
  /** Key per profile id; profiles without a key are listed but have none in the vault. */
  keys?: Record<string, string | null>;
  profiles?: ActiveProfileInfo[];
  gatewayMode?: Preferences['gatewayMode'];
  time?: ManualTime;
  sendLog?: SendLog;
  settings?: MemoryStore;
  codes?: string[];
  /** Real timers instead of the manual ones (for tests against the fake HTTPS server). */
  realTimers?: boolean;
}

/** A TestSendService on a real in-memory send log, with manual time and an injected gateway factory. */
export function createHarness(options: HarnessOptions) {
  const time = options.time ?? new ManualTime();
  const sendLog = options.sendLog ?? new SendLog({ path: ':memory:', clock: time, hashKey: randomBytes(32) });
  const settings = options.settings ?? new MemoryStore();
  const profiles = options.profiles ?? [LIVE_PROFILE];
  const keys = options.keys ?? {};
  const preferences = { ...DEFAULT_PREFERENCES, gatewayMode: options.gatewayMode ?? 'sandbox' };
  const codes = [...(options.codes ?? [])];
  const service = new TestSendService({
    preferences: { get: () => preferences },
    settings,
    profiles: {
      activeProfiles: () => profiles,
      activeKey: async (id) => keys[id] ?? null,
      // Every listed profile reads its sends back with its one key (the profiles service knows better).
      keyForSend: async (id) => {
        const apiKey = keys[id];
        if (apiKey) return { apiKey };
        return profiles.some((p) => p.id === id) ? { gone: 'key_unavailable' } : { gone: 'profile_deleted' };
      },
    },
    sendLog,
    gatewayFor: options.gatewayFor,
    clock: time,
    ...(options.realTimers ? {} : { timers: time }),
    ...(codes.length > 0 ? { generateCode: () => codes.shift() ?? '000000' } : {}),
    log: () => {},
  });
  const advance = (ms: number) => time.advance(ms, () => service.whenIdle());
  return { service, sendLog, time, settings, preferences, advance };
}
