import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextField } from '../../components';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import {
  SEND_LOG_STATUSES,
  SEND_MODES,
  SEND_PURPOSES,
  type SendLogFilter,
  type SendLogStatus,
  type SendPurpose,
} from '@shared/send-log-types';
import type { SendMode } from '@shared/gateway-types';
import { datePattern, formatDate, parseDate } from '../../i18n/format';
import { useSendLogStore } from './send-log-store';

/** Typing pauses this long before a search runs: one query per word, not per key. */
export const SEARCH_DEBOUNCE_MS = 300;
const DAY_MS = 86_400_000;

interface Draft {
  profileId: string;
  purpose: '' | SendPurpose;
  mode: '' | SendMode;
  statuses: SendLogStatus[];
  from: string;
  to: string;
}

/** A date field's text for a filter time (the app language's format), or empty. */
function dateText(ms: number | undefined, language: string): string {
  return ms === undefined ? '' : formatDate(ms, language);
}

function draftFrom(filter: SendLogFilter, language: string): Draft {
  return {
    profileId: filter.profileId ?? '',
    purpose: filter.purpose ?? '',
    mode: filter.mode ?? '',
    statuses: filter.statuses ?? [],
    from: dateText(filter.from, language),
    // `to` is exclusive (next midnight); the field shows the last day included.
    to: filter.to === undefined ? '' : dateText(filter.to - DAY_MS, language),
  };
}

/** The filter the draft stands for; dates only when typed as real dates and the range makes sense. */
function filterFrom(draft: Draft, search: string): { filter: SendLogFilter; badRange: boolean } {
  const from = parseDate(draft.from);
  const to = parseDate(draft.to, 1);
  const badRange = from !== undefined && to !== undefined && from >= to;
  const filter: SendLogFilter = {};
  if (draft.profileId) filter.profileId = draft.profileId;
  if (draft.purpose) filter.purpose = draft.purpose;
  if (draft.mode) filter.mode = draft.mode;
  if (draft.statuses.length > 0) filter.statuses = SEND_LOG_STATUSES.filter((s) => draft.statuses.includes(s));
  if (!badRange && from !== undefined) filter.from = from;
  if (!badRange && to !== undefined) filter.to = to;
  const term = search.trim();
  if (term) filter.search = term.slice(0, 64);
  return { filter, badRange };
}

/** A complete date that is not a real one (a half-typed date is no error yet). */
function badDate(text: string): boolean {
  return text.trim().length >= 8 && parseDate(text) === undefined;
}

/** Profile, purpose, mode, status, dates and a debounced search; the table follows every change. */
export function SendLogFilters() {
  const { t, i18n } = useTranslation('sendLog');
  const profiles = useSendLogStore((s) => s.profiles);
  const setFilter = useSendLogStore((s) => s.setFilter);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(useSendLogStore.getState().filter, i18n.language));
  const [search, setSearch] = useState(() => useSendLogStore.getState().filter.search ?? '');
  const [appliedSearch, setAppliedSearch] = useState(search);

  useEffect(() => {
    if (search === appliedSearch) return;
    const timer = setTimeout(() => setAppliedSearch(search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, appliedSearch]);

  const { filter, badRange } = filterFrom(draft, appliedSearch);
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (JSON.stringify(useSendLogStore.getState().filter) !== key) setFilter(JSON.parse(key) as SendLogFilter);
  }, [key, setFilter]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const profileOptions = [
    { value: '', label: t('filters.allProfiles') },
    ...profiles.map((p) => ({ value: p.id, label: p.label })),
    { value: SANDBOX_PROFILE_ID, label: t('filters.sandbox') },
  ];

  return (
    <div className="send-log__filters">
      <div className="send-log__filter-row">
        <SelectField label={t('filters.profile')} value={draft.profileId} options={profileOptions} onChange={(e) => update({ profileId: e.target.value })} />
        <SelectField
          label={t('filters.purpose')}
          value={draft.purpose}
          options={[{ value: '', label: t('filters.allPurposes') }, ...SEND_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))]}
          onChange={(e) => update({ purpose: e.target.value as Draft['purpose'] })}
        />
        <SelectField
          label={t('filters.mode')}
          value={draft.mode}
          options={[{ value: '', label: t('filters.allModes') }, ...SEND_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))]}
          onChange={(e) => update({ mode: e.target.value as Draft['mode'] })}
        />
        <StatusFilter chosen={draft.statuses} onChange={(statuses) => update({ statuses })} />
      </div>
      <div className="send-log__filter-row">
        {/* Text fields in the app language's date format (dd-mm-jjjj in Dutch): a native date picker follows the browser's language instead. */}
        <TextField
          label={t('filters.from')}
          hint={t('filters.dateHint', { pattern: datePattern(i18n.language) })}
          placeholder={datePattern(i18n.language)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          value={draft.from}
          error={badDate(draft.from) ? t('filters.invalidDate', { pattern: datePattern(i18n.language) }) : undefined}
          onChange={(e) => update({ from: e.target.value })}
        />
        <TextField
          label={t('filters.to')}
          hint={t('filters.dateHint', { pattern: datePattern(i18n.language) })}
          placeholder={datePattern(i18n.language)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          value={draft.to}
          error={badDate(draft.to) ? t('filters.invalidDate', { pattern: datePattern(i18n.language) }) : badRange ? t('filters.invalidRange') : undefined}
          onChange={(e) => update({ to: e.target.value })}
        />
        <TextField
          className="send-log__search"
          label={t('filters.search')}
          hint={t('filters.searchHint')}
          type="search"
          value={search}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches at once instead of waiting for the pause.
            if (e.key === 'Enter') setAppliedSearch(search);
          }}
        />
      </div>
      <div className="actions">
        <Button
          variant="link"
          onClick={() => {
            setDraft(draftFrom({}, i18n.language));
            setSearch('');
            setAppliedSearch('');
          }}
        >
          {t('filters.reset')}
        </Button>
      </div>
    </div>
  );
}

/** Status multi-select: a disclosure with one checkbox per status, summarised when closed. */
function StatusFilter({ chosen, onChange }: { chosen: SendLogStatus[]; onChange: (statuses: SendLogStatus[]) => void }) {
  const { t } = useTranslation('sendLog');
  const id = useId();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summary =
    chosen.length === 0
      ? t('filters.allStatuses')
      : chosen.length <= 2
        ? chosen.map((s) => t(`status.${s}`)).join(', ')
        : t('filters.statusesChosen', { count: chosen.length });

  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key === 'Escape' && detailsRef.current?.open) {
      event.preventDefault();
      detailsRef.current.open = false;
      detailsRef.current.querySelector('summary')?.focus();
    }
  };

  return (
    <div className="field send-log__status-filter">
      <span className="field__label" id={`${id}-label`}>
        {t('filters.status')}
      </span>
      <details className="send-log__statuses" ref={detailsRef} onKeyDown={onKeyDown}>
        <summary className="input send-log__statuses-summary" aria-labelledby={`${id}-label ${id}-value`}>
          <span id={`${id}-value`}>{summary}</span>
        </summary>
        <fieldset className="send-log__statuses-panel" aria-labelledby={`${id}-label`}>
          {SEND_LOG_STATUSES.map((status) => (
            <label key={status} className="send-log__status-option">
              <input
                type="checkbox"
                checked={chosen.includes(status)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, status] : chosen.filter((s) => s !== status))}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
