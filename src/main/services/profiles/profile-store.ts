/**
 * Persistence of provider profiles in the settings store under the key `profiles`. Read through a zod
 * schema: the file is user-reachable, so nothing in it is trusted. Profiles are checked one by one: an
 * invalid one is set aside (its raw data kept under `profilesSetAside` in the same file) and reported
 * with its participant number, while the others keep working; one bad entry never hides them all. A
 * value that is not a list at all is copied aside under `profilesCorrupt-<time>`; nothing is silently
 * dropped (docs/SECURITY.md, Reliability). No secret lives here: keys are in the vault, codes nowhere.
 */
import { z } from 'zod';
import { PORTAL_NOTE_MAX } from '@shared/review-types';
import type { Clock, KeyValueStore } from '../ports';

export const PROFILES_KEY = 'profiles';
/** Profiles that failed the schema, raw, with when and why they were set aside. */
export const PROFILES_SET_ASIDE_KEY = 'profilesSetAside';

/** A stored profile that failed the schema and was set aside. */
export interface SetAsideProfile {
  /** The participant number as far as it can be read from the raw data, else null. */
  participantNumber: string | null;
  at: number;
  /** Which fields failed, e.g. `description`; never their values. */
  problems: string[];
  raw: unknown;
}

const keyInfoSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
  kind: z.enum(['live', 'test']),
  protection: z.enum(['os', 'basic_text', 'host_file', 'unavailable']),
});

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);

const storedProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  participantNumber: z.string().regex(/^\d{5}$/),
  description: z.string().min(1).max(100),
  status: z.enum(['draft', 'awaiting_confirmation', 'active', 'disabled']),
  active: z
    .object({
      originator: z.string().min(1).max(17),
      adminPhone: e164,
      /** Null after "remove key": the profile is then disabled until a new key is confirmed. */
      key: keyInfoSchema.nullable(),
      activatedAt: z.number(),
      /** The gateway mode these settings were confirmed in; stored before this field existed = 'sandbox' (the safer reading). */
      confirmedMode: z.enum(['sandbox', 'messagebird']).default('sandbox'),
    })
    .nullable(),
  pending: z
    .object({
      state: z.enum(['draft', 'awaiting_confirmation']),
      originator: z.string().min(1).max(17),
      adminPhone: e164,
      /** The key this change brings (in the vault under the pending id), or null to keep the active key. */
      key: keyInfoSchema.nullable(),
      savedAt: z.number(),
    })
    .nullable(),
  lastKeyCheck: z
    .object({
      at: z.number(),
      balance: z.object({ payment: z.string().max(64), type: z.string().max(64), amount: z.number() }),
    })
    .nullable(),
  /**
   * The admin marked the settings in effect as entered in the AFAS portal; `snapshot` is what was in
   * effect then, so a later change of sender, description or key shows as "changed since".
   */
  portal: z
    .object({
      savedAt: z.number(),
      note: z.string().max(PORTAL_NOTE_MAX).nullable(),
      snapshot: z.object({
        originator: z.string().max(17),
        description: z.string().max(100),
        keyFingerprint: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
      }),
    })
    .nullable()
    .optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export type StoredKeyInfo = z.infer<typeof keyInfoSchema>;
export type StoredProfile = z.infer<typeof storedProfileSchema>;

const MAX_PROFILES = 500;
const storedProfilesSchema = z.array(storedProfileSchema).max(MAX_PROFILES);

/** The participant number of a raw entry, for the warning: digits only, short, or null. */
function rawParticipantNumber(raw: unknown): string | null {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).participantNumber : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  return /^\d{1,12}$/.test(text) ? text : null;
}

export class ProfileStore {
  constructor(
    private readonly settings: KeyValueStore,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Profiles set aside since this store was made (for the start-up warning). */
  private readonly newlySetAside: SetAsideProfile[] = [];

  load(): StoredProfile[] {
    const raw = this.settings.get(PROFILES_KEY);
    if (raw === undefined || raw === null) return [];
    const parsed = storedProfilesSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (Array.isArray(raw) && raw.length <= MAX_PROFILES) return this.setAsideInvalid(raw);
    const aside = `profilesCorrupt-${this.clock.now()}`;
    this.settings.set(aside, raw);
    this.settings.set(PROFILES_KEY, []);
    this.log(`Stored profiles did not match the schema; moved to settings key "${aside}"`);
    return [];
  }

  /** Profiles set aside by this store so far; each is also kept, raw, under `profilesSetAside`. */
  setAside(): readonly SetAsideProfile[] {
    return this.newlySetAside;
  }

  /** Keeps the valid entries, moves each invalid one to `profilesSetAside` with its participant number. */
  private setAsideInvalid(raw: unknown[]): StoredProfile[] {
    const valid: StoredProfile[] = [];
    const invalid: SetAsideProfile[] = [];
    for (const entry of raw) {
      const one = storedProfileSchema.safeParse(entry);
      if (one.success) {
        valid.push(one.data);
        continue;
      }
      const problems = [...new Set(one.error.issues.map((issue) => issue.path.join('.') || '(profile)'))].slice(0, 10);
      invalid.push({ participantNumber: rawParticipantNumber(entry), at: this.clock.now(), problems, raw: entry });
    }
    const earlier = this.settings.get(PROFILES_SET_ASIDE_KEY);
    // Written before the profiles list shrinks: a crash in between leaves a copy, never a loss.
    this.settings.set(PROFILES_SET_ASIDE_KEY, [...(Array.isArray(earlier) ? earlier : []), ...invalid]);
    this.settings.set(PROFILES_KEY, valid);
    this.newlySetAside.push(...invalid);
    for (const item of invalid) {
      this.log(`A stored profile (participant number ${item.participantNumber ?? 'unknown'}) did not match the schema (${item.problems.join(', ')}); set aside under settings key "${PROFILES_SET_ASIDE_KEY}"`);
    }
    return valid;
  }

  find(id: string): StoredProfile | undefined {
    return this.load().find((p) => p.id === id);
  }

  save(profiles: StoredProfile[]): void {
    this.settings.set(PROFILES_KEY, storedProfilesSchema.parse(profiles));
  }

  /**
   * Applies `change` to the profile as stored now, not to a copy read before an `await`: another call
   * may have saved in between. Undefined when the profile is gone.
   */
  update(id: string, change: (p: StoredProfile) => StoredProfile): StoredProfile | undefined {
    let updated: StoredProfile | undefined;
    const profiles = this.load().map((p) => {
      if (p.id !== id) return p;
      updated = change(p);
      return updated;
    });
    this.save(profiles);
    return updated;
  }
}
