// The small form of one action: its fields, checked before sending; the server's refusal beside the field it
// names, or above the buttons with "retry" when the answer was lost.
import { useState } from 'preact/hooks';
import { actOnDossier } from '../../api/dossiers';
import type { Dossier, UploadedFile } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { FileUpload } from '../../components/FileUpload';
import { StarRating } from '../../components/StarRating';
import { SelectField, TextAreaField, TextField, focusFirstInvalid, tooLongMessage } from '../../components/fields';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n } from '../../i18n/i18n';
import { bodyOf, checkValues, maxBytesOf, type ActionContext, type ActionField, type ActionSpec, type Values } from './actions';

function initialValues(spec: ActionSpec, context: ActionContext, firstOption: (f: ActionField) => string): Values {
  return Object.fromEntries(spec.fields.map((f) => [f.name, f.initial?.(context) ?? firstOption(f)]));
}

export function ActionForm({
  spec,
  context,
  onDone,
  onClose,
}: {
  spec: ActionSpec;
  context: ActionContext;
  onDone: (dossier: Dossier) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const options = (f: ActionField) => f.options?.(context, t) ?? [];
  const [values, setValues] = useState<Values>(() =>
    initialValues(spec, context, (f) => (f.kind === 'select' && f.required ? (options(f)[0]?.value ?? '') : '')),
  );
  const submission = useSubmission<Dossier>();
  const fieldErrors = useFieldErrors(submission.failure);
  // The files of 'file' fields: what was uploaded, and whether an upload is on its way.
  const [uploads, setUploads] = useState<Record<string, UploadedFile | null>>({});
  const [uploading, setUploading] = useState<Record<string, boolean>>({});
  // A change clears the field's errors, its own and the server's (under any of its names).
  const set = (name: string) => (value: string) => {
    fieldErrors.edited(name, ...(spec.fields.find((f) => f.name === name)?.serverNames ?? []));
    setValues((v) => ({ ...v, [name]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = Object.fromEntries(Object.entries(checkValues(spec, values)).map(([name, key]) => [name, t(key)]));
    for (const f of spec.fields) {
      const tooLong = found[f.name] ? undefined : tooLongMessage(t, values[f.name] ?? '', maxBytesOf(f));
      if (tooLong) found[f.name] = tooLong;
      if (uploading[f.name]) found[f.name] = t('file.wait');
    }
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body = bodyOf(spec, values);
    submission.submit((key) => actOnDossier(context.dossier.code, spec.action, body, key), onDone);
  };

  const renderField = (f: ActionField) => {
    const id = `action-${spec.action}-${f.name}`;
    const common = {
      id,
      label: t(f.label),
      required: f.required,
      hint: f.hint ? t(f.hint) : undefined,
      error: fieldErrors.error(f.name) ?? (f.serverNames ?? []).map(fieldErrors.server).find(Boolean),
      testid: id,
      value: values[f.name] ?? '',
      onValue: set(f.name),
    };
    switch (f.kind) {
      case 'textarea':
        return <TextAreaField key={f.name} {...common} maxBytes={maxBytesOf(f)} />;
      case 'lines':
        return <TextAreaField key={f.name} {...common} rows={4} />;
      case 'select':
        return <SelectField key={f.name} {...common} options={options(f)} placeholder={f.required ? undefined : t('common.choose')} />;
      case 'money':
        return <TextField key={f.name} {...common} inputMode="numeric" hint={t('field.money_hint')} />;
      case 'decimal':
        return <TextField key={f.name} {...common} inputMode="decimal" />;
      case 'datetime':
        return <TextField key={f.name} {...common} type="datetime-local" />;
      case 'stars':
        return (
          <StarRating
            key={f.name}
            name={id}
            legend={t(f.label)}
            value={Number(values[f.name] || 0)}
            onValue={(score) => set(f.name)(String(score))}
            error={common.error}
          />
        );
      case 'text':
        return <TextField key={f.name} {...common} maxBytes={maxBytesOf(f)} />;
      case 'file':
        return (
          <div key={f.name} class={common.error ? 'field field--invalid' : 'field'}>
            <label for={id}>
              {common.label}
              {f.required && <span class="field__required" aria-hidden="true"> *</span>}
            </label>
            <FileUpload
              id={id}
              label={common.label}
              testid={id}
              value={uploads[f.name] ?? null}
              onUploaded={(file) => {
                setUploads((all) => ({ ...all, [f.name]: file }));
                set(f.name)(file?.id ?? '');
              }}
              onState={(state) => setUploading((all) => ({ ...all, [f.name]: state === 'pending' }))}
              error={common.error}
            />
            {common.hint && <p class="field__hint">{common.hint}</p>}
          </div>
        );
    }
  };

  return (
    <form class="action-form panel" onSubmit={submit} noValidate data-testid={`action-form-${spec.action}`}>
      <h3>{t(spec.label)}</h3>
      {spec.fields.length === 0 && <p>{t('action.confirm')}</p>}
      {spec.fields.map(renderField)}
      <FailureNotice
        failure={submission.failure}
        onRetry={submission.retry}
        fields={spec.fields.flatMap((f) => [f.name, ...(f.serverNames ?? [])])}
      />
      <div class="button-row">
        <button
          type="submit"
          class={spec.danger ? 'button button--danger' : 'button button--primary'}
          disabled={submission.pending}
          data-testid={`action-submit-${spec.action}`}
        >
          {submission.pending ? t('common.sending') : t(spec.label)}
        </button>
        <button type="button" class="button button--secondary" onClick={onClose} data-testid={`action-close-${spec.action}`}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
