import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/contract';
import { Section } from '../../components';

/** Version and where the app runs, for support questions. */
export function AboutSection({ info }: { info: AppInfo }) {
  const { t } = useTranslation('settings');
  return (
    <Section title={t('about.heading')}>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd>{info.version}</dd>
        <dt>{t('about.host')}</dt>
        <dd>{info.host === 'electron' ? t('about.hostElectron') : t('about.hostBrowser')}</dd>
      </dl>
    </Section>
  );
}
