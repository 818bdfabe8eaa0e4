import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '@shared/contract';
import { CheckboxField, Section, StatusBadge, type Tone } from '../../components';

export interface KeyStorageSectionProps {
  vault: VaultStatus;
  allowUnprotected: boolean;
  onAllowUnprotectedChange: (allow: boolean) => void;
  disabled?: boolean;
}

const TONE: Record<VaultStatus['protection'], Tone> = { os: 'success', basic_text: 'danger', host_file: 'warning', unavailable: 'danger' };

const KNOWN_BACKENDS = ['keychain', 'dpapi', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'basic_text', 'host_file', 'unknown'] as const;

/** The storage backend in words; a backend this version does not know is named as main reported it. */
function backendName(backend: string, t: TFunction<'settings'>): string {
  const known = KNOWN_BACKENDS.find((name) => name === backend);
  return known ? t(`keyStorage.backends.${known}`) : t('keyStorage.backends.other', { name: backend });
}

/**
 * How the API key is protected at rest, in words. Linux `basic_text` is not encryption, so storing a key
 * there needs an explicit, informed consent (docs/SECURITY.md).
 */
export function KeyStorageSection({ vault, allowUnprotected, onAllowUnprotectedChange, disabled }: KeyStorageSectionProps) {
  const { t } = useTranslation('settings');
  const words = {
    os: { label: t('keyStorage.os'), hint: t('keyStorage.osHint') },
    basic_text: { label: t('keyStorage.basic_text'), hint: t('keyStorage.basicTextHint') },
    host_file: { label: t('keyStorage.host_file'), hint: t('keyStorage.hostFileHint') },
    unavailable: { label: t('keyStorage.unavailable'), hint: t('keyStorage.unavailableHint') },
  }[vault.protection];
  return (
    <Section title={t('keyStorage.heading')}>
      <dl className="facts">
        <dt>{t('keyStorage.protectionLabel')}</dt>
        <dd>
          <StatusBadge tone={TONE[vault.protection]}>{words.label}</StatusBadge>
        </dd>
        <dt>{t('keyStorage.backendLabel')}</dt>
        <dd>{backendName(vault.backend, t)}</dd>
      </dl>
      <p>{words.hint}</p>
      {vault.protection === 'basic_text' ? (
        <CheckboxField
          label={t('keyStorage.consentLabel')}
          hint={t('keyStorage.consentHint')}
          checked={allowUnprotected}
          disabled={disabled}
          onChange={(event) => onAllowUnprotectedChange(event.target.checked)}
        />
      ) : null}
    </Section>
  );
}
