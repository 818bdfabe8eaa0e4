import { useTranslation } from 'react-i18next';
import type { TestSendProfile } from '@shared/contract/test-send';
import type { CostEstimate } from '@shared/rules/cost';
import type { SmsSegments } from '@shared/rules/sms-segments';
import { Section } from '../../components';
import { countryName, formatMoney } from './format';

export interface PreviewFactsProps {
  profile: TestSendProfile;
  recipient: string | undefined;
  body: string;
  segments: SmsSegments;
  estimate: CostEstimate;
  dailyCap: number;
}

/** What the SMS will look like and cost, updated as the admin types. */
export function PreviewFacts({ profile, recipient, body, segments, estimate, dailyCap }: PreviewFactsProps) {
  const { t, i18n } = useTranslation('testSend');
  const price = formatMoney(estimate.perPart, estimate.currency, i18n.language);
  return (
    <Section title={t('preview.heading')}>
      <dl className="facts test-send__preview">
        <dt>{t('preview.sender')}</dt>
        <dd>{profile.originator}</dd>
        <dt>{t('preview.recipient')}</dt>
        <dd>{recipient ?? '—'}</dd>
        <dt>{t('preview.body')}</dt>
        <dd>
          <span className="test-send__body">{body}</span>
          <span className="field__hint">{t('preview.bodyNote')}</span>
        </dd>
        <dt>{t('preview.encoding')}</dt>
        <dd>{segments.encoding}</dd>
        <dt>{t('preview.parts')}</dt>
        <dd>{segments.parts}</dd>
        <dt>{t('preview.cost')}</dt>
        <dd>
          {profile.mode === 'sandbox' ? (
            t('preview.sandboxCost')
          ) : profile.mode === 'test' ? (
            t('preview.testKeyCost')
          ) : (
            <>
              {formatMoney(estimate.amount, estimate.currency, i18n.language)}
              <span className="field__hint">
                {t(`preview.costBasis.${estimate.basis}`, { price, country: countryName(estimate.country, i18n.language) })}
              </span>
            </>
          )}
        </dd>
        <dt>{t('preview.sentToday')}</dt>
        <dd>{t('preview.sentTodayValue', { count: profile.sentLast24h, cap: dailyCap })}</dd>
      </dl>
    </Section>
  );
}
