// One fake MessageBird per test file, reached through the real SDK's HTTPS stack (connect-to transport):
// the suite-level setup that gateway, profiles and test-send tests share.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { installTransport, type TransportConfig } from '../../src/main/services/gateway';
import { startFakeMessageBird, type FakeMessageBird } from '../fakes/fake-messagebird';

export interface FakeMessageBirdSuite {
  /** The running fake; its requests, messages and faults are reset after every test. */
  readonly fake: FakeMessageBird;
  /** The transport that reaches the fake; also installed process-wide for the SDK while the file runs. */
  readonly transport: TransportConfig;
}

/**
 * Registers the hooks that start the fake before the file's tests, install the transport, reset the
 * fake after each test, and restore and close everything at the end. Call it at the top level of a
 * test file; read `fake` and `transport` inside tests and hooks (they exist once `beforeAll` ran).
 */
export function useFakeMessageBird(): FakeMessageBirdSuite {
  let fake: FakeMessageBird | undefined;
  let transport: TransportConfig | undefined;
  let restore: (() => void) | undefined;

  beforeAll(async () => {
    fake = await startFakeMessageBird();
    transport = { connectTo: fake.connectTo, extraCaPem: fake.caPem };
    restore = installTransport(transport);
  });
  afterAll(async () => {
    restore?.();
    await fake?.close();
  });
  afterEach(() => fake?.reset());

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the fake MessageBird is not running: use it inside tests and hooks');
    return value;
  };
  return {
    get fake() {
      return started(fake);
    },
    get transport() {
      return started(transport);
    },
  };
}
