import { useTranslation } from 'react-i18next';
import type { TestSendStatus } from '@shared/contract/test-send';
import type { SendLogStatus } from '@shared/send-log-types';
import { isFinalSendLogStatus } from '@shared/send-log-types';
import { useNavigationStore } from '../../app/navigation-store';
import { Button, Section, Spinner, StatusBadge, StatusReason, type Tone } from '../../components';
import { formatMoney } from './format';

const TONES: Record<SendLogStatus, Tone> = {
  pending: 'info',
  sent: 'info',
  buffered: 'info',
  delivered: 'success',
  delivery_failed: 'danger',
  expired: 'danger',
  failed: 'danger',
  unknown: 'warning',
  not_delivered_test_key: 'neutral',
};

export interface TestSendResultProps {
  result: TestSendStatus;
  onAnother: () => void;
}

/** The send's log row as it follows its delivery: status, MessageBird id, parts, price, reason. */
export function TestSendResult({ result, onAnother }: TestSendResultProps) {
  const { t, i18n } = useTranslation('testSend');
  const go = useNavigationStore((s) => s.go);
  const following = result.following && !isFinalSendLogStatus(result.status);
  return (
    <Section title={t('result.heading')} className="test-send__result">
      <dl className="facts">
        <dt>{t('result.status')}</dt>
        <dd aria-live="polite" data-testid="test-send-status">
          <StatusBadge tone={TONES[result.status]}>{t(`status.${result.status}`)}</StatusBadge>
        </dd>
        {result.messageId ? (
          <>
            <dt>{t('result.messageId')}</dt>
            <dd className="mono">{result.messageId}</dd>
          </>
        ) : null}
        {result.parts > 0 ? (
          <>
            <dt>{t('result.parts')}</dt>
            <dd>{result.parts}</dd>
          </>
        ) : null}
        {result.price ? (
          <>
            <dt>{t('result.price')}</dt>
            <dd>
              {t(result.price.estimate ? 'result.priceEstimate' : result.mode === 'sandbox' ? 'result.priceSimulated' : 'result.priceCharged', {
                price: formatMoney(result.price.amount, result.price.currency, i18n.language),
              })}
            </dd>
          </>
        ) : null}
        {result.statusReason ? (
          <>
            <dt>{t('result.reason')}</dt>
            <dd>
              <StatusReason reason={result.statusReason} />
            </dd>
          </>
        ) : null}
        {result.errorCode ? (
          <>
            <dt>{t('result.errorCode')}</dt>
            <dd className="mono">{result.errorCode}</dd>
          </>
        ) : null}
      </dl>
      {following ? <Spinner label={t('result.following')} /> : null}
      {!following && (result.status === 'sent' || result.status === 'buffered') ? <p className="field__hint">{t('result.notFollowed')}</p> : null}
      <div className="actions">
        <Button variant="primary" onClick={onAnother}>
          {t('result.another')}
        </Button>
        <Button variant="link" onClick={() => go('sendLog')}>
          {t('result.openLog')}
        </Button>
      </div>
    </Section>
  );
}
