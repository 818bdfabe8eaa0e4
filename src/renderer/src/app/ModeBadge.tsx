import { useTranslation } from 'react-i18next';
import type { SendMode } from '@shared/gateway-types';
import { StatusBadge, type Tone } from '../components';

const TONE: Record<SendMode, Tone> = { sandbox: 'info', test: 'warning', live: 'danger' };

/**
 * Always-visible answer to "does this cost money?". The word differs per mode (not colour alone) and the
 * hint says what the mode means.
 */
export function ModeBadge({ mode }: { mode: SendMode | undefined }) {
  const { t } = useTranslation();
  if (!mode) {
    return (
      <span className="mode-badge">
        <span className="visually-hidden">{t('mode.label')} </span>
        <StatusBadge tone="neutral">{t('mode.unknown')}</StatusBadge>
      </span>
    );
  }
  const hint = { sandbox: t('mode.sandboxHint'), test: t('mode.testHint'), live: t('mode.liveHint') }[mode];
  const label = { sandbox: t('mode.sandbox'), test: t('mode.test'), live: t('mode.live') }[mode];
  return (
    <span className={`mode-badge mode-badge--${mode}`} data-mode={mode}>
      <span className="mode-badge__label">{t('mode.label')} </span>
      <StatusBadge tone={TONE[mode]} title={hint}>
        {label}
      </StatusBadge>
    </span>
  );
}
