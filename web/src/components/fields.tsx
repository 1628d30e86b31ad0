// Labelled form controls: the label is tied to the control, the hint and the error are announced with it
// (aria-describedby), and an invalid control says so (aria-invalid). Forms use noValidate and check their own
// rules, so that messages are in the interface language. A text with `maxBytes` is checked as it is typed
// against the API's limit in UTF-8 bytes (a Vietnamese letter with its marks takes 2–3 bytes).
import type { ComponentChildren } from 'preact';
import { utf8Length } from '../format/text';
import { useI18n, type Translate } from '../i18n/i18n';

// "The text is too long" when `text` (as sent: trimmed) is over `maxBytes` UTF-8 bytes, else undefined.
export function tooLongMessage(t: Translate, text: string, maxBytes: number | undefined): string | undefined {
  if (maxBytes === undefined) return undefined;
  const bytes = utf8Length(text.trim());
  return bytes > maxBytes ? t('field.too_long', { bytes, max: maxBytes }) : undefined;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  testid?: string | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ id, label, error, hint, required, testid, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {label}
        {required && (
          <span class="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`} data-testid={testid ? `${testid}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputType = 'text' | 'password' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local' | 'search';

export function TextField(
  props: FieldProps & {
    value: string;
    onValue: (value: string) => void;
    type?: InputType | undefined;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'tel' | 'email' | undefined;
    autoComplete?: string | undefined;
    maxLength?: number | undefined;
    // The API's limit in UTF-8 bytes, checked as typed.
    maxBytes?: number | undefined;
    placeholder?: string | undefined;
    min?: string | undefined;
    max?: string | undefined;
    disabled?: boolean | undefined;
  },
) {
  const { t } = useI18n();
  const { id, value, onValue, type, hint, required, testid } = props;
  const error = tooLongMessage(t, value, props.maxBytes) ?? props.error;
  return (
    <Frame {...props} error={error}>
      <input
        id={id}
        name={id}
        // Preact types <input> per `type`; one control serves several, all text-like.
        type={(type ?? 'text') as 'text'}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testid}
      />
    </Frame>
  );
}

export function TextAreaField(
  props: FieldProps & {
    value: string;
    onValue: (value: string) => void;
    rows?: number | undefined;
    maxLength?: number | undefined;
    // The API's limit in UTF-8 bytes, checked as typed.
    maxBytes?: number | undefined;
  },
) {
  const { t } = useI18n();
  const { id, value, onValue, hint, required, testid } = props;
  const error = tooLongMessage(t, value, props.maxBytes) ?? props.error;
  return (
    <Frame {...props} error={error}>
      <textarea
        id={id}
        name={id}
        rows={props.rows ?? 3}
        value={value}
        maxLength={props.maxLength}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testid}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { value: string; onValue: (value: string) => void; options: Option[]; placeholder?: string | undefined },
) {
  const { id, value, onValue, options, error, hint, required, testid, placeholder } = props;
  return (
    <Frame {...props}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testid}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

// After a failed check, moves the focus to the first control marked invalid (once it has been rendered).
export function focusFirstInvalid(form: EventTarget | null): void {
  setTimeout(() => {
    if (form instanceof HTMLElement) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, 0);
}
