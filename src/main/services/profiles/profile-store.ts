/**
 * Persistence of provider profiles in the settings store under the key `profiles`. Read through a zod
 * schema: the file is user-reachable, so nothing in it is trusted. A value that fails the schema is
 * copied aside under `profilesCorrupt-<time>` and reported, never silently dropped (docs/SECURITY.md,
 * Reliability). No secret lives here: keys are in the vault, codes nowhere.
 */
import { z } from 'zod';
import { PORTAL_NOTE_MAX } from '../../../shared/review-types';
import type { Clock, KeyValueStore } from '../ports';

export const PROFILES_KEY = 'profiles';

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

const storedProfilesSchema = z.array(storedProfileSchema).max(500);

export class ProfileStore {
  constructor(
    private readonly settings: KeyValueStore,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  load(): StoredProfile[] {
    const raw = this.settings.get(PROFILES_KEY);
    if (raw === undefined || raw === null) return [];
    const parsed = storedProfilesSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const aside = `profilesCorrupt-${this.clock.now()}`;
    this.settings.set(aside, raw);
    this.settings.set(PROFILES_KEY, []);
    this.log(`Stored profiles did not match the schema; moved to settings key "${aside}"`);
    return [];
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
