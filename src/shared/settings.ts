import { z } from 'zod';

/** Which MessageBird the app talks to. Sandbox is the safe default for a new user: no network, no cost. */
export const GATEWAY_MODES = ['sandbox', 'messagebird'] as const;
export type GatewayMode = (typeof GATEWAY_MODES)[number];

/** Failures the sandbox gateway can simulate, so every error path can be rehearsed offline. */
export const SANDBOX_SCENARIOS = [
  'normal',
  'key_rejected',
  'insufficient_balance',
  'provider_unavailable',
  'timeout',
  'delivery_failed',
] as const;
export type SandboxScenario = (typeof SANDBOX_SCENARIOS)[number];

export const LANGUAGES = ['system', 'nl', 'en'] as const;
export type LanguagePreference = (typeof LANGUAGES)[number];

export const preferencesSchema = z.object({
  language: z.enum(LANGUAGES).default('system'),
  gatewayMode: z.enum(GATEWAY_MODES).default('sandbox'),
  sandboxScenario: z.enum(SANDBOX_SCENARIOS).default('normal'),
  /** The "before you start" page of the wizard may be skipped after the first time. */
  introSeen: z.boolean().default(false),
  /** Linux `basic_text` keyring is not encryption; storing a key there needs this explicit consent. */
  allowUnprotectedKeyStorage: z.boolean().default(false),
  /** Send-log rows older than this many days are purged at start and on demand. */
  sendLogRetentionDays: z.number().int().min(1).max(3650).default(180),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** What `updateSettings` accepts: any subset, each value checked as above. */
export const preferencesPatchSchema = z
  .object({
    language: z.enum(LANGUAGES),
    gatewayMode: z.enum(GATEWAY_MODES),
    sandboxScenario: z.enum(SANDBOX_SCENARIOS),
    introSeen: z.boolean(),
    allowUnprotectedKeyStorage: z.boolean(),
    sendLogRetentionDays: z.number().int().min(1).max(3650),
  })
  .partial()
  .strict();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;

export const DEFAULT_PREFERENCES: Preferences = preferencesSchema.parse({});
