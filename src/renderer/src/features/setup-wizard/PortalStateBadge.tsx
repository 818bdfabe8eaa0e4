import { useTranslation } from 'react-i18next';
import type { ProfileView } from '@shared/profile-types';
import { StatusBadge } from '../../components';
import { formatDateTime } from './format';

/**
 * A profile whose settings in effect were confirmed in Sandbox: no MessageBird account was checked, so it
 * is never shown as ready and never offered for the AFAS portal.
 */
export function isSandboxProfile(profile: ProfileView): boolean {
  return profile.active?.confirmedMode === 'sandbox';
}

/** The AFAS portal handoff in words: not yet / done on a date / details changed since; Sandbox profiles say Sandbox. */
export function PortalStateBadge({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation('setup');
  if (isSandboxProfile(profile)) return <StatusBadge tone="info">{t('portal.state.sandbox')}</StatusBadge>;
  const { state, savedAt } = profile.portal;
  if (state === 'done' && savedAt !== null) {
    return <StatusBadge tone="success">{t('portal.state.done', { date: formatDateTime(savedAt, i18n.language) })}</StatusBadge>;
  }
  if (state === 'changed_since') return <StatusBadge tone="warning">{t('portal.state.changed_since')}</StatusBadge>;
  return <StatusBadge tone="neutral">{t('portal.state.not_yet')}</StatusBadge>;
}
