/**
 * Everything checked before a test send, shared by the preview and the send itself: the profile and
 * its key, then the cost guards (docs/SECURITY.md "Cost abuse") in the order the admin fixes them.
 */
import { apiKeyKind } from '@shared/api-key';
import { SANDBOX_PROFILE_ID, type TestSendPreview, type TestSendRefusalCode, type TestSendSettings } from '@shared/contract/test-send';
import { err, ok, type Result } from '@shared/result';
import { estimate } from '@shared/rules/cost';
import type { SmsGateway } from '../ports';
import { checkDailyCap, checkRecipient, checkTemplate, type CheckedRecipient, type CheckedTemplate } from './cost-guards';
import { SANDBOX_PROFILE } from './sandbox-profile';
import type { ActiveProfileInfo, TestSendContext, TestSendInput } from './test-send-context';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ResolvedProfile {
  profile: ActiveProfileInfo;
  gateway: SmsGateway;
  /** MessageBird validates test-key sends but delivers nothing; also true in Sandbox mode for a test key. */
  testKey: boolean;
}

/** A send that passed every guard. */
export interface PreparedSend {
  resolved: ResolvedProfile;
  recipient: CheckedRecipient;
  template: CheckedTemplate;
  settings: TestSendSettings;
  sentLast24h: number;
}

/**
 * Test sends of a profile in the last 24 hours (except those MessageBird refused), from the send log's
 * cap counters: they survive restarts, and clearing the log or retention does not lower them.
 */
export function sentLast24h({ deps }: TestSendContext, profileId: string): number {
  const from = deps.clock.now() - DAY_MS;
  return deps.sendLog.sendCount({ profileId, purpose: 'test', from });
}

/** Profile, template, recipient and country, then the daily cap: the order the admin fixes them in. */
export async function prepareSend(ctx: TestSendContext, input: TestSendInput): Promise<Result<PreparedSend, TestSendRefusalCode>> {
  const resolved = await resolveProfile(ctx, input.profileId);
  if (!resolved.ok) return resolved;
  const settings = ctx.settings.get();
  const template = checkTemplate(input.template ?? settings.template);
  if (!template.ok) return template;
  const recipient = checkRecipient(input.recipient, settings.allowedCountries);
  if (!recipient.ok) return recipient;
  const sent = sentLast24h(ctx, resolved.value.profile.id);
  const cap = checkDailyCap(sent, settings);
  if (!cap.ok) return cap;
  return ok({ resolved: resolved.value, recipient: recipient.value, template: template.value, settings, sentLast24h: sent });
}

/** What would be sent at what estimated cost (with the sample code; the real one is drawn at send). */
export function previewOf({ resolved, recipient, template, settings, sentLast24h: sent }: PreparedSend): TestSendPreview {
  return {
    profileId: resolved.profile.id,
    originator: resolved.profile.originator,
    mode: resolved.gateway.mode,
    body: template.sampleBody,
    segments: template.segments,
    estimate: estimate(template.segments.parts, recipient.country, settings.pricesPerPart),
    recipient: {
      international: recipient.international,
      masked: recipient.masked,
      country: recipient.country,
      type: recipient.type ?? 'UNKNOWN',
    },
    sentLast24h: sent,
    dailyCap: settings.dailyCap,
  };
}

async function resolveProfile({ deps }: TestSendContext, profileId: string): Promise<Result<ResolvedProfile, TestSendRefusalCode>> {
  const resolved = (profile: ActiveProfileInfo, apiKey: string): ResolvedProfile => ({
    profile,
    gateway: deps.gatewayFor(apiKey),
    testKey: apiKeyKind(apiKey) === 'test',
  });
  if (profileId === SANDBOX_PROFILE_ID) {
    if (deps.preferences.get().gatewayMode !== 'sandbox') {
      return err('no_active_profile', 'The Sandbox profile is only available in Sandbox mode', {
        field: 'profileId',
        details: { setting: 'gatewayMode' },
      });
    }
    return ok(resolved(SANDBOX_PROFILE, SANDBOX_PROFILE.apiKey));
  }
  const profile = (await deps.profiles.activeProfiles()).find((p) => p.id === profileId);
  if (!profile && deps.profiles.needsLiveConfirmation?.(profileId)) {
    return err('live_confirmation_required', 'This profile was confirmed in Sandbox; confirm it with a code sent by MessageBird first', {
      field: 'profileId',
      details: { setting: 'profiles' },
    });
  }
  if (!profile) {
    return err('no_active_profile', 'No active profile with this id; finish its setup first', {
      field: 'profileId',
      details: { setting: 'profiles' },
    });
  }
  const apiKey = await deps.profiles.activeKey(profile.id);
  if (!apiKey) {
    return err('api_key_unavailable', 'The profile has no API key in the vault; enter the key again', {
      field: 'profileId',
      details: { setting: 'profiles' },
    });
  }
  return ok(resolved(profile, apiKey));
}
