import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_MAX } from '@shared/contract/test-send';
import { defaultTemplate } from './default-template';
import { PART_LIMITS, type SmsSegments } from '@shared/rules/sms-segments';
import { Button, Field } from '../../components';

export interface TemplateEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Segments of the text with a sample code in it, computed by the page. */
  segments: SmsSegments;
  onSave: () => void;
  saving: boolean;
  saved: boolean;
  error?: string;
}

/** The message text with live encoding, character and part counts. */
export const TemplateEditor = forwardRef<HTMLTextAreaElement, TemplateEditorProps>(function TemplateEditor(
  { value, onChange, segments, onSave, saving, saved, error },
  ref,
) {
  const { t, i18n } = useTranslation('testSend');
  const builtIn = defaultTemplate(i18n.language);
  const limits = PART_LIMITS[segments.encoding];
  const limit = segments.parts <= 1 ? limits.single : limits.multi * segments.parts;
  return (
    <div className="stack">
      <Field label={t('form.template')} hint={t('form.templateHint')} error={error} required>
        {(control) => (
          <textarea
            ref={ref}
            className="input test-send__template"
            rows={3}
            maxLength={TEMPLATE_MAX}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            spellCheck={false}
            {...control}
          />
        )}
      </Field>
      <p className="test-send__counts" aria-live="polite">
        {t('form.counts', {
          encoding: segments.encoding,
          characters: segments.characters,
          limit,
          parts: t('form.parts', { count: segments.parts }),
        })}
      </p>
      {segments.nonGsmCharacters.length > 0 ? (
        <p className="field__hint">{t('form.nonGsm', { characters: segments.nonGsmCharacters.join(' ') })}</p>
      ) : null}
      <div className="actions">
        <Button onClick={onSave} busy={saving}>
          {t('form.saveTemplate')}
        </Button>
        {value !== builtIn ? <Button variant="link" onClick={() => onChange(builtIn)}>{t('form.resetTemplate')}</Button> : null}
        {saved ? <span role="status">{t('form.templateSaved')}</span> : null}
      </div>
    </div>
  );
});
