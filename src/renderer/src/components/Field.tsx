import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

/** What a control inside `Field` must spread to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Error text; when set, the control is marked invalid and the text is read with it. */
  error?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * Label + control + hint + error, tied together with `htmlFor`, `aria-describedby` and `aria-invalid`.
 * Use the ready-made `TextField`/`SelectField` where they fit; `Field` itself wraps any control.
 */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** The hint and error lines under a control, with the ids its `aria-describedby` points at. */
function FieldMessages(props: { hint?: ReactNode; hintId?: string; error?: ReactNode; errorId?: string }) {
  return (
    <>
      {props.hint ? (
        <p className="field__hint" id={props.hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={props.errorId}>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

type Labelled = { label: ReactNode; hint?: ReactNode; error?: ReactNode };

export type TextFieldProps = Labelled & Omit<ComponentPropsWithRef<'input'>, 'id'>;

/** A labelled text input (also password, tel, number…). */
export function TextField({ label, hint, error, required, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => <input className="input" {...input} {...control} required={required} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectFieldProps = Labelled & Omit<ComponentPropsWithRef<'select'>, 'id'> & { options: readonly SelectOption[] };

/** A labelled native select: keyboard and screen-reader behaviour for free. */
export function SelectField({ label, hint, error, required, className, options, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <select className="input" {...select} {...control} required={required}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export type CheckboxFieldProps = Labelled & Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'>;

/** A checkbox with its label beside it, hint and error below. */
export function CheckboxField({ label, hint, error, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', 'field--checkbox', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="field__check">
        <input
          {...input}
          type="checkbox"
          id={id}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
        />
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadioGroupProps<V extends string> {
  legend: ReactNode;
  name: string;
  value: V | undefined;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
}

/** A fieldset of radio buttons; each option may carry its own hint. */
export function RadioGroup<V extends string>({ legend, name, value, options, onChange, disabled }: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className="radio-group" disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        const hintId = o.hint ? `${optionId}-hint` : undefined;
        return (
          <div className="radio-group__option" key={o.value}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-describedby={hintId}
            />
            <div>
              <label htmlFor={optionId}>{o.label}</label>
              {o.hint ? (
                <p className="field__hint" id={hintId}>
                  {o.hint}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
