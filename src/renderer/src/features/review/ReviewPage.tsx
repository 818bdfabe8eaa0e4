import { useTranslation } from 'react-i18next';
import { Notice, Page, Section } from '../../components';

/**
 * The offline review has no issue yet. This page says plainly what it will offer and that it is not
 * here; it pretends nothing.
 */
export function ReviewPage() {
  const { t } = useTranslation('review');
  return (
    <Page title={t('title')} intro={t('intro')}>
      <Notice tone="info" role="note">
        <p>{t('notAvailable')}</p>
        <p>{t('meanwhile')}</p>
      </Notice>
      <Section title={t('plannedHeading')}>
        <ul className="list">
          <li>{t('planned.profiles')}</li>
          <li>{t('planned.checks')}</li>
          <li>{t('planned.costs')}</li>
          <li>{t('planned.export')}</li>
        </ul>
      </Section>
    </Page>
  );
}
