import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileStatus, ProfileView } from '@shared/profile-types';
import { ConfirmDialog, MenuButton, StatusBadge, type MenuItem, type Tone } from '../../components';
import { formatBalance, formatDateTime } from './format';
import { PortalStateBadge } from './PortalStateBadge';
import { useSetupStore } from './setup-store';

const STATUS_TONE: Record<ProfileStatus, Tone> = { draft: 'neutral', awaiting_confirmation: 'warning', active: 'success', disabled: 'danger' };

type DangerAction = 'removeKey' | 'disable' | 'delete' | 'discardChange';

/** Every profile with its state in effect and what waits for confirmation, and its actions. */
export function ProfileList({ profiles }: { profiles: ProfileView[] }) {
  const { t, i18n } = useTranslation('setup');
  const { openExisting, profileAction, showPortal } = useSetupStore.getState();
  const actionBusy = useSetupStore((s) => s.actionBusy);
  const [asking, setAsking] = useState<{ profile: ProfileView; action: DangerAction }>();

  const dialogText = asking
    ? {
        removeKey: [t('confirm.removeKeyTitle', { participantNumber: asking.profile.participantNumber }), t('confirm.removeKeyBody'), t('actions.removeKey')],
        disable: [t('confirm.disableTitle', { participantNumber: asking.profile.participantNumber }), t('confirm.disableBody'), t('actions.disable')],
        delete: [t('confirm.deleteTitle', { participantNumber: asking.profile.participantNumber }), t('confirm.deleteBody'), t('actions.delete')],
        discardChange: [t('confirm.discardTitle'), t('confirm.discardBody'), t('actions.discardChange')],
      }[asking.action]
    : undefined;

  return (
    <>
      {/* Key facts per row and one Actions menu: the list fits a 1024-pixel window without scrolling sideways. */}
      <table className="table setup-wizard__table setup-list">
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.participantNumber')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.sender')}</th>
            <th scope="col">{t('list.key')}</th>
            <th scope="col">{t('list.balance')}</th>
            <th scope="col" className="setup-list__actions">
              <span className="visually-hidden">{t('list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => {
            const key = p.active?.key ?? p.pending?.key;
            const neverActive = !p.active;
            const items: MenuItem[] = [
              // Settings confirmed in Sandbox send nothing with MessageBird: "Next" again sends a code by MessageBird.
              ...(p.needsLiveConfirmation ? [{ id: 'confirmLive', label: t('actions.confirmLive'), onSelect: () => openExisting(p) }] : []),
              neverActive
                ? { id: 'continue', label: t('actions.continue'), onSelect: () => openExisting(p) }
                : { id: 'edit', label: p.status === 'disabled' ? t('actions.enable') : t('actions.edit'), onSelect: () => openExisting(p) },
              ...(p.active ? [{ id: 'replaceKey', label: t('actions.replaceKey'), onSelect: () => openExisting(p, 'apiKey') }] : []),
              ...(p.active ? [{ id: 'portal', label: t('portal.show'), onSelect: () => showPortal(p.id) }] : []),
              ...(key?.hasApiKey ? [{ id: 'checkKey', label: t('actions.checkKey'), onSelect: () => void profileAction(p.id, 'checkKey') }] : []),
              ...(p.active && p.pending ? [{ id: 'discardChange', label: t('actions.discardChange'), onSelect: () => setAsking({ profile: p, action: 'discardChange' }) }] : []),
              ...(key?.hasApiKey ? [{ id: 'removeKey', label: t('actions.removeKey'), tone: 'danger' as const, onSelect: () => setAsking({ profile: p, action: 'removeKey' }) }] : []),
              ...(p.status === 'active' ? [{ id: 'disable', label: t('actions.disable'), tone: 'danger' as const, onSelect: () => setAsking({ profile: p, action: 'disable' }) }] : []),
              { id: 'delete', label: t('actions.delete'), tone: 'danger' as const, onSelect: () => setAsking({ profile: p, action: 'delete' }) },
            ];
            return (
              <tr key={p.id} data-profile={p.participantNumber}>
                <th scope="row">
                  <span className="setup-list__main">{p.participantNumber}</span>
                  <span className="setup-list__sub">{p.description}</span>
                </th>
                <td>
                  <div className="setup-list__badges">
                    {p.needsLiveConfirmation ? (
                      <StatusBadge tone="warning">{t('list.needsLiveConfirmation')}</StatusBadge>
                    ) : (
                      <StatusBadge tone={STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</StatusBadge>
                    )}
                    {p.active ? <PortalStateBadge profile={p} /> : null}
                  </div>
                  {p.needsLiveConfirmation ? <p className="setup-list__sub">{t('list.needsLiveConfirmationHint')}</p> : null}
                  {p.active && p.pending ? (
                    <p className="setup-list__sub">
                      {t('list.pendingChange', { originator: p.pending.originator, phone: p.pending.adminPhoneMasked })}
                      {p.pending.keyChanged && p.pending.key.fingerprint ? `, ${t('list.pendingKey', { fingerprint: p.pending.key.fingerprint })}` : ''}
                    </p>
                  ) : null}
                </td>
                <td>{p.active?.originator ?? p.pending?.originator}</td>
                <td>
                  {key?.hasApiKey && key.fingerprint ? (
                    <span className="setup-list__main mono" title={t('list.fingerprint', { fingerprint: key.fingerprint })}>
                      {key.fingerprint} {key.kind ? `(${t(`keyKind.${key.kind}`)})` : ''}
                    </span>
                  ) : (
                    <span className="setup-list__main">{t('list.noKey')}</span>
                  )}
                  {key?.protection ? <span className="setup-list__sub">{t(`protection.${key.protection}`)}</span> : null}
                </td>
                <td>
                  <span className="setup-list__main">
                    {p.lastKeyCheck ? formatBalance(p.lastKeyCheck.balance, i18n.language) : '—'}
                    {/* A Sandbox setup's balance came from the simulator: never show it as money in the account. */}
                    {p.lastKeyCheck && p.active?.confirmedMode === 'sandbox' ? ` (${t('list.simulated')})` : null}
                  </span>
                  <span className="setup-list__sub">
                    {p.lastKeyCheck ? t('list.checkedAt', { date: formatDateTime(p.lastKeyCheck.at, i18n.language) }) : t('list.neverChecked')}
                  </span>
                </td>
                <td className="setup-list__actions">
                  <MenuButton
                    label={t('list.actions')}
                    aria-label={t('list.actionsFor', { participantNumber: p.participantNumber })}
                    items={items}
                    busy={actionBusy === p.id}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={!!asking}
        title={dialogText?.[0] ?? ''}
        confirmLabel={dialogText?.[2] ?? ''}
        tone={asking?.action === 'discardChange' ? 'primary' : 'danger'}
        busy={!!asking && actionBusy === asking.profile.id}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          if (!asking) return;
          void profileAction(asking.profile.id, asking.action).then(() => setAsking(undefined));
        }}
      >
        <p>{dialogText?.[1]}</p>
      </ConfirmDialog>
    </>
  );
}
