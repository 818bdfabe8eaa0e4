// The test-send methods through the real handler table and `dispatch` (what Electron and the browser
// host call), on real services in a temporary data folder, in Sandbox mode.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../../../src/main/ipc/handler-table';
import { closeServices, type Services } from '../../../../../src/main/services';
import { SANDBOX_PROFILE_ID, TEMPLATE_MAX } from '@shared/contract/test-send';
import { createTestServices } from '../../../../support/test-services';

let services: Services | undefined;
afterEach(async () => {
  if (services) await closeServices(services);
  services = undefined;
});

function table() {
  services = createTestServices();
  const handlers = createHandlerTable(services);
  return (method: string, input?: unknown) => dispatch(handlers, method, input, () => {});
}

const target = { profileId: SANDBOX_PROFILE_ID, recipient: '+31612345678' };

describe('test-send handlers', () => {
  it('lists the Sandbox profile and the default guards', async () => {
    const call = table();
    expect(await call('getTestSendSetup')).toMatchObject({
      ok: true,
      value: { gatewayMode: 'sandbox', profiles: [{ id: SANDBOX_PROFILE_ID, mode: 'sandbox' }], settings: { dailyCap: 10, allowedCountries: ['NL', 'BE'] } },
    });
  });

  it('refuses to send without confirmCost, and sends with it', async () => {
    const call = table();
    expect(await call('sendTestCode', target)).toMatchObject({ ok: false, error: { code: 'confirmation_required' } });
    const sent = await call('sendTestCode', { ...target, confirmCost: true });
    expect(sent).toMatchObject({ ok: true, value: { status: 'sent', mode: 'sandbox' } });
    const logId = (sent as { value: { logId: number } }).value.logId;
    expect(await call('getTestSendStatus', { logId })).toMatchObject({ ok: true, value: { logId, status: 'sent' } });
  });

  it.each([
    ['an over-long template', 'previewTestSend', { ...target, template: 'x'.repeat(TEMPLATE_MAX + 1) }],
    ['an unknown field', 'sendTestCode', { ...target, confirmCost: true, code: '123456' }],
    ['a text log id', 'getTestSendStatus', { logId: '1' }],
    ['a cap above the maximum', 'updateTestSendSettings', { dailyCap: 1000 }],
    ['a country name instead of a code', 'updateTestSendSettings', { allowedCountries: ['Netherlands'] }],
    ['an absurd price', 'updateTestSendSettings', { pricesPerPart: { NL: 56 } }],
  ])('rejects %s as invalid_input before the service', async (_name, method, input) => {
    const call = table();
    expect(await call(method, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('stores the guards and applies them at once', async () => {
    const call = table();
    expect(await call('updateTestSendSettings', { allowedCountries: ['nl'] })).toMatchObject({ ok: true, value: { allowedCountries: ['NL'] } });
    expect(await call('previewTestSend', { ...target, recipient: '+32470123456' })).toMatchObject({
      ok: false,
      error: { code: 'country_not_allowed', details: { setting: 'allowedCountries', country: 'BE' } },
    });
  });
});
