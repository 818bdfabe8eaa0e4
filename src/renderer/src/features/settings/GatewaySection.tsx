import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SANDBOX_SCENARIOS, type GatewayMode, type SandboxScenario } from '@shared/settings';
import { SwitchToMessageBirdDialog } from '../../app/SwitchToMessageBirdDialog';
import { Notice, RadioGroup, Section, SelectField } from '../../components';

export interface GatewaySectionProps {
  mode: GatewayMode;
  scenario: SandboxScenario;
  onModeChange: (mode: GatewayMode) => Promise<unknown>;
  onScenarioChange: (scenario: SandboxScenario) => void;
  disabled?: boolean;
}

/**
 * Sandbox or MessageBird. Switching to MessageBird costs money from then on, so it is confirmed first
 * and a warning stays visible while it is active.
 */
export function GatewaySection({ mode, scenario, onModeChange, onScenarioChange, disabled }: GatewaySectionProps) {
  const { t } = useTranslation('settings');
  const [confirming, setConfirming] = useState(false);

  const scenarioLabels: Record<SandboxScenario, string> = {
    normal: t('gateway.scenarios.normal'),
    key_rejected: t('gateway.scenarios.key_rejected'),
    insufficient_balance: t('gateway.scenarios.insufficient_balance'),
    provider_unavailable: t('gateway.scenarios.provider_unavailable'),
    timeout: t('gateway.scenarios.timeout'),
    delivery_failed: t('gateway.scenarios.delivery_failed'),
  };

  return (
    <Section title={t('gateway.heading')}>
      <RadioGroup<GatewayMode>
        legend={t('gateway.legend')}
        name="gateway-mode"
        value={mode}
        disabled={disabled}
        options={[
          { value: 'sandbox', label: t('gateway.sandbox'), hint: t('gateway.sandboxHint') },
          { value: 'messagebird', label: t('gateway.messagebird'), hint: `${t('gateway.messagebirdHint')} ${t('gateway.liveWarning')}` },
        ]}
        onChange={(next) => {
          if (next === 'messagebird') setConfirming(true);
          else void onModeChange(next);
        }}
      />
      {mode === 'messagebird' ? (
        <Notice tone="warning" role="note">
          {t('gateway.liveWarning')}
        </Notice>
      ) : (
        <SelectField
          label={t('gateway.scenarioLabel')}
          hint={t('gateway.scenarioHint')}
          value={scenario}
          disabled={disabled}
          options={SANDBOX_SCENARIOS.map((s) => ({ value: s, label: scenarioLabels[s] }))}
          onChange={(event) => onScenarioChange(event.target.value as SandboxScenario)}
        />
      )}
      <SwitchToMessageBirdDialog open={confirming} onCancel={() => setConfirming(false)} onDone={() => setConfirming(false)} />
    </Section>
  );
}
