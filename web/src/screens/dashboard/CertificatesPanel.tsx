// The register of officials' signing certificates on the dashboard (GET/POST /api/v1/signing/certificates, POST
// …/{id}/retire; issue 17, item 4): first the alerts — certificates to renew and officials who cannot sign
// today —, then the register itself, folded (a supervisor sees a whole province), with the form to register a
// certificate. Whom the viewer sees, each standing and gap, and whom it may register for are the server's:
// nothing here compares dates or reads roles.
import { useState } from 'preact/hooks';
import {
  certificateFileText,
  fetchCertificates,
  registerCertificate,
  retireCertificate,
  type CertificateHolding,
  type CertificateRoster,
  type NewCertificate,
  type OfficialCertificate,
  type RegistrableOfficial,
} from '../../api/certificates';
import { ApiError } from '../../api/client';
import type { CertificateStanding } from '../../api/signing';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { SelectField, TextAreaField, TextField, focusFirstInvalid, tooLongMessage } from '../../components/fields';
import { formatDateTime } from '../../format/datetime';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useRequest } from '../../hooks/useRequest';
import { useResource } from '../../hooks/useResource';
import { useI18n, type Translate } from '../../i18n/i18n';

const FIELDS = ['login', 'holding', 'remote_user', 'certificate'] as const;
// The fields typed or chosen as text (the holding is one of two).
type TextFieldName = Exclude<(typeof FIELDS)[number], 'holding'>;
// The API's limits, in UTF-8 bytes.
const MAX_REMOTE_USER_BYTES = 64;
const MAX_CERTIFICATE_BYTES = 16 * 1024;

interface Form {
  login: string;
  holding: CertificateHolding;
  remote_user: string;
  certificate: string;
}

// "Name (login)" of the officials the roster names, by login; the register's rows carry only the login.
type Names = Map<string, string>;

function namesOf(roster: CertificateRoster): Names {
  const names: Names = new Map();
  for (const o of [...roster.may_register_for, ...roster.cannot_sign]) {
    if (o.display_name) names.set(o.login, `${o.display_name} (${o.login})`);
  }
  return names;
}

function StandingBadge({ standing }: { standing: CertificateStanding }) {
  const { t } = useI18n();
  return (
    <span class={`badge certificate-standing--${standing}`} data-testid="certificate-standing">
      {t(`certificates.standing.${standing}`)}
    </span>
  );
}

function CertificateAlerts({ roster, names }: { roster: CertificateRoster; names: Names }) {
  const { t } = useI18n();
  const renewals = roster.items.filter((c) => c.needs_renewal);
  if (renewals.length === 0 && roster.cannot_sign.length === 0) return null;
  const renewalTone = renewals.some((c) => c.standing === 'expired') ? 'notice--error' : 'notice--info';
  return (
    <div data-testid="certificate-alerts">
      {renewals.length > 0 && (
        <div class={`notice ${renewalTone} certificate-alert`} role="alert" data-testid="certificate-renewals">
          <p>
            <strong>{t('certificates.renewal_title')}</strong>
          </p>
          <ul>
            {renewals.map((c) => (
              <li key={c.id} data-testid="renewal-row" data-id={c.id} data-login={c.login} data-standing={c.standing}>
                {names.get(c.login) ?? c.login} — {c.common_name}: <StandingBadge standing={c.standing} />{' '}
                {t('certificates.valid_until', { date: formatDateTime(c.not_after) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {roster.cannot_sign.length > 0 && (
        <div class="notice notice--error certificate-alert" role="alert" data-testid="cannot-sign">
          <p>
            <strong>{t('certificates.cannot_sign_title')}</strong>
          </p>
          <ul>
            {roster.cannot_sign.map((o) => (
              <li key={o.login} data-testid="cannot-sign-row" data-login={o.login} data-gap={o.gap}>
                {o.display_name || o.login}
                {o.units.length > 0 && <span class="muted"> ({o.units.join(', ')})</span>}: {t(`certificates.gap.${o.gap}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// The form's own checks: an official chosen, a certificate given, the remote account when remote, within the
// API's lengths. Whether the text is a certificate meant for signing and not expired is the server's.
function formErrors(t: Translate, form: Form): Record<string, string> {
  const found: Record<string, string> = {};
  if (!form.login) found['login'] = t('common.required');
  const certificate = form.certificate.trim() ? tooLongMessage(t, form.certificate, MAX_CERTIFICATE_BYTES) : t('common.required');
  if (certificate) found['certificate'] = certificate;
  if (form.holding === 'remote') {
    const remote = form.remote_user.trim() ? tooLongMessage(t, form.remote_user, MAX_REMOTE_USER_BYTES) : t('common.required');
    if (remote) found['remote_user'] = remote;
  }
  return found;
}

function bodyOf(form: Form): NewCertificate {
  const body: NewCertificate = { login: form.login, holding: form.holding, certificate: form.certificate.trim() };
  if (form.holding === 'remote') body.remote_user = form.remote_user.trim();
  return body;
}

function AddCertificateForm({ officials, names, onAdded }: { officials: RegistrableOfficial[]; names: Names; onAdded: () => void }) {
  const { t } = useI18n();
  // The one official listed (oneself, for a leader) is chosen already.
  const only = officials.length === 1 ? (officials[0]?.login ?? '') : '';
  const empty: Form = { login: only, holding: 'token', remote_user: '', certificate: '' };
  const [form, setForm] = useState<Form>(empty);
  const [added, setAdded] = useState<OfficialCertificate | null>(null);
  // What became of the chosen file ("read", "unreadable"), and a key that empties the file control.
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [fileControl, setFileControl] = useState(0);
  const request = useRequest();
  const fieldErrors = useFieldErrors(request.failure);
  const set = (field: TextFieldName) => (value: string) => {
    fieldErrors.edited(field);
    setAdded(null);
    if (field === 'certificate') setFileNote(null);
    setForm((f) => ({ ...f, [field]: value }));
  };

  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    certificateFileText(file).then(
      (text) => {
        set('certificate')(text);
        setFileNote(t('certificates.file_read', { name: file.name }));
      },
      () => {
        setFileNote(null);
        fieldErrors.setOwn({ certificate: t('certificates.file_unreadable', { name: file.name }) });
      },
    );
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = formErrors(t, form);
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    request.run(
      () => registerCertificate(bodyOf(form)),
      (certificate) => {
        setAdded(certificate);
        setForm(empty);
        setFileNote(null);
        setFileControl((n) => n + 1);
        onAdded();
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="certificate-form">
      <h3>{t('certificates.add_title')}</h3>
      {added && (
        <p class="notice notice--ok" role="status" data-testid="certificate-added">
          {t('certificates.added', { name: added.common_name, official: names.get(added.login) ?? added.login })}
        </p>
      )}
      <div class="grid-2">
        <SelectField
          id="certificate-login"
          label={t('certificates.official')}
          value={form.login}
          onValue={set('login')}
          options={officials.map((o) => ({ value: o.login, label: names.get(o.login) ?? o.login }))}
          placeholder={t('common.choose')}
          required
          error={fieldErrors.error('login')}
          testid="certificate-login"
        />
        <SelectField
          id="certificate-holding"
          label={t('certificates.holding')}
          value={form.holding}
          onValue={(value) => {
            fieldErrors.edited('holding', 'remote_user');
            setAdded(null);
            setForm((f) => ({ ...f, holding: value === 'remote' ? 'remote' : 'token' }));
          }}
          options={[
            { value: 'token', label: t('certificates.holding.token') },
            { value: 'remote', label: t('certificates.holding.remote') },
          ]}
          required
          error={fieldErrors.error('holding')}
          testid="certificate-holding"
        />
      </div>
      {form.holding === 'remote' && (
        <TextField
          id="certificate-remote-user"
          label={t('certificates.remote_user')}
          value={form.remote_user}
          onValue={set('remote_user')}
          autoComplete="off"
          maxBytes={MAX_REMOTE_USER_BYTES}
          required
          error={fieldErrors.error('remote_user')}
          testid="certificate-remote-user"
        />
      )}
      <TextAreaField
        id="certificate-text"
        label={t('certificates.text')}
        hint={t('certificates.text_hint')}
        value={form.certificate}
        onValue={set('certificate')}
        rows={6}
        maxBytes={MAX_CERTIFICATE_BYTES}
        required
        error={fieldErrors.error('certificate')}
        testid="certificate-text"
      />
      <div class="field">
        <label for="certificate-file">{t('certificates.file')}</label>
        <input
          key={fileControl}
          id="certificate-file"
          type="file"
          accept=".cer,.crt,.pem,.der"
          onChange={(e) => chooseFile(e.currentTarget)}
          aria-describedby={fileNote ? 'certificate-file-note' : undefined}
          data-testid="certificate-file"
        />
        {fileNote && (
          <p class="field__hint" id="certificate-file-note" role="status" data-testid="certificate-file-read">
            {fileNote}
          </p>
        )}
      </div>
      <FailureNotice failure={request.failure} fields={[...FIELDS]} />
      <button type="submit" class="button button--primary" disabled={request.pending} data-testid="certificate-submit">
        {request.pending ? t('common.sending') : t('certificates.submit')}
      </button>
    </form>
  );
}

function CertificateRow({
  certificate: c,
  official,
  mayRetire,
  onChanged,
}: {
  certificate: OfficialCertificate;
  official: string;
  mayRetire: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const retire = useRequest();
  // A definite refusal (retired meanwhile, no such certificate) means the list is stale: it is reloaded too.
  const send = () =>
    retire.run(
      () =>
        retireCertificate(c.id).catch((error: unknown) => {
          if (error instanceof ApiError && !error.retryable) onChanged();
          throw error;
        }),
      onChanged,
    );
  return (
    <>
      <tr
        data-testid="certificate-row"
        data-id={c.id}
        data-login={c.login}
        data-standing={c.standing}
        data-active={c.active ? 'true' : 'false'}
        class={c.active ? undefined : 'muted'}
      >
        <th scope="row">{official}</th>
        <td>
          {formatDateTime(c.not_before)} – {formatDateTime(c.not_after)}
          <br />
          <StandingBadge standing={c.standing} />
        </td>
        <td>
          <strong>{c.common_name}</strong>
          <br />
          <span class="muted">
            {t('certificates.issuer')}: {c.issuer}
          </span>
          <br />
          <span class="muted certificate-serial">
            {t('certificates.serial')}: {c.serial}
          </span>
        </td>
        <td>
          {t(`certificates.holding.${c.holding}`)}
          {c.holding === 'remote' && c.remote_user && (
            <>
              <br />
              <span class="muted">{c.remote_user}</span>
            </>
          )}
        </td>
        <td>{t('certificates.by_at', { who: c.added_by, when: formatDateTime(c.added_at) })}</td>
        <td data-testid="certificate-state">
          {c.active ? (
            t('certificates.active')
          ) : (
            <>
              {t('certificates.retired')}
              <br />
              <span class="muted">{t('certificates.by_at', { who: c.retired_by ?? '—', when: formatDateTime(c.retired_at) })}</span>
            </>
          )}
        </td>
        <td>
          {c.active && mayRetire && (
            <button
              type="button"
              class="button button--small button--danger-outline"
              disabled={retire.pending}
              onClick={() => {
                if (window.confirm(t('certificates.retire_confirm', { name: c.common_name, official }))) send();
              }}
              data-testid="certificate-retire"
            >
              {t('certificates.retire')}
              <span class="visually-hidden"> “{c.common_name}”</span>
            </button>
          )}
        </td>
      </tr>
      {retire.failure && (
        <tr>
          <td colSpan={7}>
            <FailureNotice failure={retire.failure} onRetry={send} />
          </td>
        </tr>
      )}
    </>
  );
}

function CertificateTable({ roster, names, onChanged }: { roster: CertificateRoster; names: Names; onChanged: () => void }) {
  const { t } = useI18n();
  const mayChange = new Set(roster.may_register_for.map((o) => o.login));
  if (roster.items.length === 0) return <p data-testid="certificates-empty">{t('certificates.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="table certificate-table" data-testid="certificates-table">
        <thead>
          <tr>
            <th scope="col">{t('certificates.official')}</th>
            <th scope="col">{t('certificates.validity')}</th>
            <th scope="col">{t('certificates.certificate')}</th>
            <th scope="col">{t('certificates.holding')}</th>
            <th scope="col">{t('certificates.added_by')}</th>
            <th scope="col">{t('certificates.state')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('dossier.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.items.map((c) => (
            <CertificateRow
              key={c.id}
              certificate={c}
              official={names.get(c.login) ?? c.login}
              mayRetire={mayChange.has(c.login)}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CertificatesPanel() {
  const { t } = useI18n();
  const roster = useResource(() => fetchCertificates(), []);
  const names = roster.data ? namesOf(roster.data) : new Map<string, string>();
  return (
    <section class="panel" aria-labelledby="certificates-title" data-testid="certificates-panel">
      <h2 id="certificates-title">{t('certificates.title')}</h2>
      {roster.loading && !roster.data && <Loading />}
      <FailureNotice failure={roster.failure} onRetry={roster.reload} />
      {roster.data && (
        <>
          <CertificateAlerts roster={roster.data} names={names} />
          <details class="certificate-register" data-testid="certificate-register">
            <summary>{t('certificates.register', { n: roster.data.items.length })}</summary>
            <CertificateTable roster={roster.data} names={names} onChanged={roster.reload} />
            {roster.data.may_register_for.length > 0 && (
              <AddCertificateForm officials={roster.data.may_register_for} names={names} onAdded={roster.reload} />
            )}
          </details>
        </>
      )}
    </section>
  );
}
