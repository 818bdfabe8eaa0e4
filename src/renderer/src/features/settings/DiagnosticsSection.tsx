import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/contract';
import { api } from '../../api';
import { Button, Notice, Section } from '../../components';

/** Which route MessageBird calls take, and the diagnostics log: opened by the desktop app, shown by the browser host. */
export function DiagnosticsSection({ info }: { info: AppInfo }) {
  const { t } = useTranslation('settings');
  const [openFailed, setOpenFailed] = useState(false);
  const { route, via } = info.network;

  const openLog = async () => {
    const result = await api.openDiagnosticsLog();
    setOpenFailed(!result.ok || !result.value.opened);
  };

  return (
    <>
      <Section title={t('network.heading')}>
        <dl className="facts">
          <dt>{t('network.routeLabel')}</dt>
          <dd>{t(`network.route.${route}`, { via: via ?? '' })}</dd>
        </dl>
        <p>{t('network.hint')}</p>
      </Section>
      <Section title={t('diagnostics.heading')}>
        <p>{t('diagnostics.intro')}</p>
        <dl className="facts">
          <dt>{t('diagnostics.fileLabel')}</dt>
          <dd className="mono">{info.diagnosticsLog}</dd>
        </dl>
        {info.host === 'electron' ? (
          <div className="actions">
            <Button onClick={() => void openLog()}>{t('diagnostics.open')}</Button>
          </div>
        ) : (
          <Notice tone="info">
            <p>{t('diagnostics.browserHint')}</p>
          </Notice>
        )}
        {openFailed ? (
          <Notice tone="warning">
            <p>{t('diagnostics.openFailed')}</p>
          </Notice>
        ) : null}
      </Section>
    </>
  );
}
