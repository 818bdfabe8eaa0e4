import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_LIST_FIELDS, type UserListImport, type UserListMapping } from '@shared/review-types';
import { Button, Notice, SelectField } from '../../components';
import { useReviewStore } from './review-store';

/** Which column holds which field: recognised from the headers, changeable by the admin. */
export function ColumnMapping({ list }: { list: UserListImport }) {
  const { t } = useTranslation('review');
  const busy = useReviewStore((s) => s.listBusy === 'classify');
  const classify = useReviewStore((s) => s.classify);
  const [mapping, setMapping] = useState<UserListMapping>(list.mapping);
  const options = [{ value: '', label: t('eligibility.mapping.none') }, ...list.headers.map((header, index) => ({ value: String(index), label: header || `#${index + 1}` }))];
  const changed = USER_LIST_FIELDS.some((field) => mapping[field] !== list.mapping[field]);

  return (
    <fieldset className="review-mapping">
      <legend className="field__label">{t('eligibility.mapping.title')}</legend>
      <p className="field__hint">{t('eligibility.mapping.hint')}</p>
      <div className="review-mapping__fields">
        {USER_LIST_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={t(`eligibility.mapping.${field}`)}
            options={options}
            value={mapping[field] === null ? '' : String(mapping[field])}
            onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
          />
        ))}
      </div>
      {!list.mappingComplete ? <Notice tone="warning">{t('eligibility.mapping.incomplete')}</Notice> : null}
      <div className="actions">
        <Button onClick={() => void classify(mapping)} busy={busy} disabled={!changed && list.mappingComplete}>
          {t('eligibility.mapping.apply')}
        </Button>
      </div>
    </fieldset>
  );
}
