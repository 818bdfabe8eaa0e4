import { useTranslation } from 'react-i18next';
import type { StartupWarning } from '../../../../shared/contract';
import { Notice } from '../../components';

/** Problems main found while starting (a damaged file moved aside), with where it went. */
export function StartupWarnings({ warnings }: { warnings: readonly StartupWarning[] }) {
  const { t } = useTranslation('settings');
  if (warnings.length === 0) return null;
  return (
    <Notice tone="warning" title={t('warnings.heading')}>
      <ul className="list">
        {warnings.map((w) => (
          <li key={`${w.code}:${w.movedTo}`}>
            {t(`warnings.${w.code}`, { path: w.movedTo })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
