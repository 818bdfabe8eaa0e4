import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmationDelivery, DELIVERY_POLL_MS } from '../../../src/renderer/src/features/setup-wizard/ConfirmationDelivery';
import { i18n } from '../../../src/renderer/src/i18n';
import type { ConfirmationDeliveryView } from '@shared/profile-types';
import { ok } from '@shared/result';
import { fakeBridge, renderWithBridge } from '../helpers';

afterEach(async () => {
  vi.useRealTimers();
  await i18n.changeLanguage('en');
});

/** A bridge that answers the given delivery views in turn (the last one repeats). */
function bridgeAnswering(...views: ConfirmationDeliveryView[]) {
  const getConfirmationDelivery = vi.fn(async () => ok(views.length > 1 ? views.shift()! : views[0]!));
  return { bridge: fakeBridge({ getConfirmationDelivery }), getConfirmationDelivery };
}

describe('confirmation SMS delivery on the "code sent" step', () => {
  it('waits for the report, then says it was not delivered and why, and stops asking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { bridge, getConfirmationDelivery } = bridgeAnswering(
      { status: 'sent' },
      { status: 'delivery_failed', statusReason: 'unknown subscriber' },
    );
    renderWithBridge(<ConfirmationDelivery profileId="p-1" logId="7" />, bridge);
    expect(await screen.findByText('waiting for the delivery report')).toBeInTheDocument();
    expect(getConfirmationDelivery).toHaveBeenCalledWith({ id: 'p-1', logId: '7' });

    await act(() => vi.advanceTimersByTimeAsync(DELIVERY_POLL_MS));
    expect(await screen.findByText('not delivered')).toBeInTheDocument();
    // MessageBird's own words, quoted and marked as English under the app's sentence.
    expect(screen.getByText('MessageBird reports:')).toBeInTheDocument();
    expect(screen.getByText('unknown subscriber')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Delivery:')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(DELIVERY_POLL_MS * 3));
    expect(getConfirmationDelivery).toHaveBeenCalledTimes(2);
  });

  it('says delivered, in Dutch too', async () => {
    await i18n.changeLanguage('nl');
    const { bridge } = bridgeAnswering({ status: 'delivered', statusReason: 'successfully delivered' });
    renderWithBridge(<ConfirmationDelivery profileId="p-1" logId="7" />, bridge);
    expect(await screen.findByText('afgeleverd op de telefoon')).toBeInTheDocument();
    expect(screen.getByText('Aflevering:')).toBeInTheDocument();
  });

  it('shows nothing while main cannot say', async () => {
    renderWithBridge(<ConfirmationDelivery profileId="p-1" logId="7" />, fakeBridge({}));
    await act(() => Promise.resolve());
    expect(screen.queryByText(/Delivery/)).not.toBeInTheDocument();
  });
});
