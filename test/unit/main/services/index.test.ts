import { afterEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../../src/main/services';
import { createTestServices } from '../../../support/test-services';
import { pending, tempDir } from './send-log/helpers';

describe('createServices: one delivery poller for every feature', () => {
  const open: Services[] = [];
  const start = (dataDir: string) => {
    const services = createTestServices({ dataDir });
    open.push(services);
    return services;
  };
  afterEach(async () => {
    for (const services of open.splice(0)) await closeServices(services).catch(() => undefined);
  });

  it('after a restart follows unfinished sends again, test sends and wizard confirmations alike', async () => {
    const dataDir = tempDir();
    const first = start(dataDir);
    const testSend = first.sendLog.appendPending(pending({ purpose: 'test', mode: 'sandbox' }));
    first.sendLog.markSent(testSend, { messagebirdId: 'mb-test', status: 'sent' });
    const confirmation = first.sendLog.appendPending(pending({ purpose: 'confirmation', mode: 'sandbox', profileId: 'draft-1' }));
    first.sendLog.markSent(confirmation, { messagebirdId: 'mb-confirmation', status: 'sent' });
    await closeServices(open.pop()!);

    const second = start(dataDir);
    expect(second.delivery.isFollowing(testSend)).toBe(true);
    expect(second.delivery.isFollowing(confirmation)).toBe(true);
  });

  it('test send shares it: closing test send leaves it running, closing the services stops it', async () => {
    const services = start(tempDir());
    await services.testSend.close();
    const id = services.sendLog.appendPending(pending({ mode: 'sandbox' }));
    services.sendLog.markSent(id, { messagebirdId: 'mb-1', status: 'sent' });
    services.testSend.followDelivery({ logId: id, messageId: 'mb-1', profileId: 'profile-a', purpose: 'test', mode: 'sandbox', sentAt: Date.now() });
    expect(services.delivery.isFollowing(id)).toBe(true);
    await closeServices(open.pop()!);
    expect(services.delivery.isFollowing(id)).toBe(false);
  });
});
