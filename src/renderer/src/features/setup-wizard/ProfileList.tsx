import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileStatus, ProfileView } from '../../../../shared/profile-types';
import { Button, ConfirmDialog, StatusBadge, type Tone } from '../../components';
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
      <div className="setup-wizard__table-wrap" role="region" aria-label={t('list.caption')} tabIndex={0}>
        <table className="table setup-wizard__table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.participantNumber')}</th>
              <th scope="col">{t('list.description')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.sender')}</th>
              <th scope="col">{t('list.key')}</th>
              <th scope="col">{t('list.protection')}</th>
              <th scope="col">{t('list.lastCheck')}</th>
              <th scope="col">{t('list.balance')}</th>
              <th scope="col">{t('portal.column')}</th>
              <th scope="col">{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((p) => {
              const key = p.active?.key ?? p.pending?.key;
              const neverActive = !p.active;
              return (
                <tr key={p.id} data-profile={p.participantNumber}>
                  <th scope="row">{p.participantNumber}</th>
                  <td>{p.description}</td>
                  <td>
                    <StatusBadge tone={STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</StatusBadge>
                    {p.active && p.pending ? (
                      <p className="field__hint">
                        {t('list.pendingChange', { originator: p.pending.originator, phone: p.pending.adminPhoneMasked })}
                        {p.pending.keyChanged && p.pending.key.fingerprint ? `, ${t('list.pendingKey', { fingerprint: p.pending.key.fingerprint })}` : ''}
                      </p>
                    ) : null}
                  </td>
                  <td>{p.active?.originator ?? p.pending?.originator}</td>
                  <td>
                    {key?.hasApiKey && key.fingerprint ? (
                      <span className="mono" title={t('list.fingerprint', { fingerprint: key.fingerprint })}>
                        {key.fingerprint} {key.kind ? `(${t(`keyKind.${key.kind}`)})` : ''}
                      </span>
                    ) : (
                      t('list.noKey')
                    )}
                  </td>
                  <td>{key?.protection ? t(`protection.${key.protection}`) : '—'}</td>
                  <td>{p.lastKeyCheck ? formatDateTime(p.lastKeyCheck.at, i18n.language) : t('list.never')}</td>
                  <td>{p.lastKeyCheck ? formatBalance(p.lastKeyCheck.balance, i18n.language) : '—'}</td>
                  <td>{p.active ? <PortalStateBadge profile={p} /> : '—'}</td>
                  <td>
                    <div className="row" role="group" aria-label={t('list.actionsFor', { participantNumber: p.participantNumber })}>
                      {neverActive ? (
                        <Button variant="primary" onClick={() => openExisting(p)}>
                          {t('actions.continue')}
                        </Button>
                      ) : (
                        <Button onClick={() => openExisting(p)}>{p.status === 'disabled' ? t('actions.enable') : t('actions.edit')}</Button>
                      )}
                      {p.active ? <Button onClick={() => openExisting(p, 'apiKey')}>{t('actions.replaceKey')}</Button> : null}
                      {p.active ? <Button onClick={() => showPortal(p.id)}>{t('portal.show')}</Button> : null}
                      {key?.hasApiKey ? (
                        <Button onClick={() => void profileAction(p.id, 'checkKey')} busy={actionBusy === p.id}>
                          {t('actions.checkKey')}
                        </Button>
                      ) : null}
                      {p.active && p.pending ? <Button onClick={() => setAsking({ profile: p, action: 'discardChange' })}>{t('actions.discardChange')}</Button> : null}
                      {key?.hasApiKey ? (
                        <Button onClick={() => setAsking({ profile: p, action: 'removeKey' })}>
                          {t('actions.removeKey')}
                        </Button>
                      ) : null}
                      {p.status === 'active' ? (
                        <Button onClick={() => setAsking({ profile: p, action: 'disable' })}>
                          {t('actions.disable')}
                        </Button>
                      ) : null}
                      <Button onClick={() => setAsking({ profile: p, action: 'delete' })}>
                        {t('actions.delete')}
                      </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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
