import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfirmationDeliveryView } from '@shared/profile-types';
import { api } from '../../api';
import { StatusBadge, StatusReason, type Tone } from '../../components';

/** How often the step asks main again while MessageBird has not reported a final status. */
export const DELIVERY_POLL_MS = 3_000;

const WAITING = new Set(['pending', 'sent', 'buffered']);
const NOT_DELIVERED = new Set(['delivery_failed', 'expired', 'failed']);

/**
 * Whether the confirmation SMS arrived, as the send log says (main's delivery poller updates the row):
 * asked at once, then every few seconds until the status is final. A failed ask keeps the last answer.
 */
export function ConfirmationDelivery({ profileId, logId }: { profileId: string; logId: string }) {
  const { t } = useTranslation('setup');
  const [view, setView] = useState<ConfirmationDeliveryView>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await api.getConfirmationDelivery({ id: profileId, logId });
      if (stopped || !result.ok) return;
      setView(result.value);
      if (WAITING.has(result.value.status)) timer = setTimeout(() => void ask(), DELIVERY_POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [profileId, logId]);

  if (!view) return null;
  let tone: Tone = 'neutral';
  let text = t('code.delivery.unknown');
  if (WAITING.has(view.status)) {
    tone = 'info';
    text = t('code.delivery.waiting');
  } else if (view.status === 'delivered') {
    tone = 'success';
    text = t('code.delivery.delivered');
  } else if (NOT_DELIVERED.has(view.status)) {
    tone = 'danger';
    text = t('code.delivery.failed');
  }
  return (
    <p className="row" aria-live="polite">
      <span>{t('code.delivery.label')}</span>
      <StatusBadge tone={tone}>{text}</StatusBadge>
      {NOT_DELIVERED.has(view.status) && view.statusReason ? <StatusReason reason={view.statusReason} /> : null}
    </p>
  );
}
