import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/app-store';
import { Notice, Page, Spinner } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { AboutSection } from './AboutSection';
import { ConnectionTest } from './ConnectionTest';
import { DiagnosticsSection } from './DiagnosticsSection';
import { GatewaySection } from './GatewaySection';
import { KeyStorageSection } from './KeyStorageSection';
import { LanguageSection } from './LanguageSection';
import { StartupWarnings } from './StartupWarnings';

/** Preferences of this workstation, key-storage protection, and a key check that stores nothing. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const errorText = useErrorText({ ns: 'settings' });
  const { info, preferences, status, error, updatePreferences } = useAppStore();

  // Warnings can arrive while the app runs (a send log found damaged is moved aside and replaced):
  // read them afresh whenever this page opens.
  useEffect(() => {
    if (useAppStore.getState().info) void useAppStore.getState().refreshInfo();
  }, []);

  return (
    <Page title={t('title')} intro={t('intro')}>
      {info ? <StartupWarnings warnings={info.warnings} /> : null}
      {status === 'ready' && error ? (
        <Notice tone="error" title={t('saveFailed')}>
          <p>{errorText(error)}</p>
        </Notice>
      ) : null}
      {preferences ? (
        <>
          <LanguageSection value={preferences.language} onChange={(language) => void updatePreferences({ language })} />
          <GatewaySection
            mode={preferences.gatewayMode}
            scenario={preferences.sandboxScenario}
            onModeChange={(gatewayMode) => updatePreferences({ gatewayMode })}
            onScenarioChange={(sandboxScenario) => void updatePreferences({ sandboxScenario })}
          />
        </>
      ) : status === 'loading' ? (
        <Spinner label={t('loading')} />
      ) : null}
      {info && preferences ? (
        <KeyStorageSection
          vault={info.vault}
          allowUnprotected={preferences.allowUnprotectedKeyStorage}
          onAllowUnprotectedChange={(allowUnprotectedKeyStorage) => void updatePreferences({ allowUnprotectedKeyStorage })}
        />
      ) : null}
      <ConnectionTest />
      {info ? <DiagnosticsSection info={info} /> : null}
      {info ? <AboutSection info={info} /> : null}
    </Page>
  );
}
