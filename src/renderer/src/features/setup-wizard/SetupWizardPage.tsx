import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, Page, Section, Spinner } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { formatBalance } from './format';
import { PortalChecklist } from './PortalChecklist';
import { ProfileList } from './ProfileList';
import { useSetupStore, type ListNotice } from './setup-store';
import { Wizard } from './Wizard';
import './setup-wizard.css';

function NoticeText({ notice }: { notice: ListNotice }) {
  const { t, i18n } = useTranslation('setup');
  switch (notice.kind) {
    case 'activated':
      return <>{t('done.activated', { participantNumber: notice.participantNumber })}</>;
    case 'keyChecked':
      return <>{t('done.keyChecked', { balance: formatBalance(notice.balance, i18n.language) })}</>;
    default:
      return <>{t(`done.${notice.kind}`)}</>;
  }
}

/** Setup: the list of SMS providers (one per participant number) and the wizard that sets one up. */
export function SetupWizardPage() {
  const { t } = useTranslation(['setup', 'common']);
  const errorText = useErrorText({ ns: 'setup' });
  const { profiles, listStatus, listError, notice, wizard, load, openNew, portalFor, portalAsStep, showPortal } = useSetupStore();
  const portalProfile = portalFor ? profiles.find((p) => p.id === portalFor) : undefined;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page title={t('title')} intro={t('intro')}>
      {wizard ? (
        <Wizard />
      ) : (
        <>
          {notice ? <Notice tone="success">{<NoticeText notice={notice} />}</Notice> : null}
          {portalProfile ? <PortalChecklist key={portalProfile.id} profile={portalProfile} asStep={portalAsStep ?? false} onClose={() => showPortal(undefined)} /> : null}
          <Section title={t('list.heading')}>
            {listError ? <Notice tone="error">{errorText(listError)}</Notice> : null}
            {listStatus === 'loading' && profiles.length === 0 ? <Spinner label={t('common:status.loading')} /> : null}
            {listStatus === 'ready' && profiles.length === 0 ? <p>{t('list.empty')}</p> : null}
            {profiles.length > 0 ? <ProfileList profiles={profiles} /> : null}
            <div className="actions">
              <Button variant="primary" onClick={openNew}>
                {t('list.new')}
              </Button>
            </div>
          </Section>
        </>
      )}
    </Page>
  );
}
