import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFAS_QUOTED_NL_PRICE, COST_CURRENCY } from '@shared/rules/cost';
import { ConfirmDialog } from '../components';
import { formatMoney } from '../i18n/format';
import { useAppStore } from './app-store';

export interface SwitchToMessageBirdDialogProps {
  open: boolean;
  onCancel: () => void;
  /** Called after the switch was saved (`true`) or failed (`false`; the app store holds the error). */
  onDone: (switched: boolean) => void;
}

/**
 * The one place that switches the app to MessageBird: it costs money from then on, so the admin sees
 * the price per part (AFAS's figure for the Netherlands, September 2021) and confirms. Used by
 * Settings and by the wizard's "I have a MessageBird contract".
 */
export function SwitchToMessageBirdDialog({ open, onCancel, onDone }: SwitchToMessageBirdDialogProps) {
  const { t, i18n } = useTranslation('settings');
  const updatePreferences = useAppStore((s) => s.updatePreferences);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const switched = await updatePreferences({ gatewayMode: 'messagebird' });
    setBusy(false);
    onDone(switched);
  }

  return (
    <ConfirmDialog
      open={open}
      title={t('gateway.confirmTitle')}
      confirmLabel={t('gateway.confirmAction')}
      tone="danger"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{t('gateway.confirmBody')}</p>
      <p>{t('gateway.liveWarning')}</p>
      <p>{t('gateway.pricePerPart', { price: formatMoney(AFAS_QUOTED_NL_PRICE, COST_CURRENCY, i18n.language) })}</p>
    </ConfirmDialog>
  );
}
