// The register the administrator keeps: agencies (bodies that decide) and receiving points (places with
// counters). POST saves a new entry or changes the one with the same id; "edit" fills the form from a row.
import { useState } from 'preact/hooks';
import { fetchAgencies, fetchReceivingPoints, saveAgency, saveReceivingPoint } from '../../api/catalogue';
import type { Agency, ReceivingPoint } from '../../api/types';
import { FailureNotice, Loading, errorsByField, useFieldFailure } from '../../components/FailureNotice';
import { SelectField, TextField, focusFirstInvalid } from '../../components/fields';
import { useResource } from '../../hooks/useResource';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n, type Translate } from '../../i18n/i18n';

const UNIT_PATTERN = /^(\d{2}|\d{5})$/;

function commonErrors(t: Translate, entry: { id: string; name: string; unit: string }, idPattern: RegExp): Record<string, string> {
  const found: Record<string, string> = {};
  if (!idPattern.test(entry.id)) found['id'] = t('register.id_invalid');
  if (!entry.name.trim()) found['name'] = t('common.required');
  if (!UNIT_PATTERN.test(entry.unit)) found['unit'] = t('register.unit_invalid');
  return found;
}

const EMPTY_AGENCY: Agency = { id: '', name: '', unit: '' };
const AGENCY_FIELDS = ['id', 'name', 'unit'];

export function AgenciesPanel() {
  const { t } = useI18n();
  const agencies = useResource(() => fetchAgencies(), []);
  const [form, setForm] = useState<Agency>(EMPTY_AGENCY);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<Agency>();
  const errors = errorsByField(own, useFieldFailure(submission.failure), AGENCY_FIELDS);
  const set = (key: keyof Agency) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const found = commonErrors(t, form, /^[A-Za-z0-9.]{1,40}$/);
    setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body = { id: form.id.trim(), name: form.name.trim(), unit: form.unit.trim() };
    submission.submit(
      (key) => saveAgency(body, key),
      (agency) => {
        setSaved(agency.id);
        setForm(EMPTY_AGENCY);
        agencies.reload();
      },
    );
  };

  return (
    <section>
      <section class="panel">
        <h2>{t('register.agencies')}</h2>
        {agencies.loading && !agencies.data && <Loading />}
        <FailureNotice failure={agencies.failure} onRetry={agencies.reload} />
        {agencies.data && (
          <div class="table-scroll">
            <table class="table" data-testid="agencies-table">
              <thead>
                <tr>
                  <th scope="col">{t('register.id')}</th>
                  <th scope="col">{t('register.name')}</th>
                  <th scope="col">{t('register.unit')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dossier.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agencies.data.map((a) => (
                  <tr key={a.id} data-testid="agency-row" data-id={a.id}>
                    <th scope="row" class="mono">
                      {a.id}
                    </th>
                    <td>{a.name}</td>
                    <td>{a.unit}</td>
                    <td>
                      <button
                        type="button"
                        class="button button--small button--secondary"
                        onClick={() => setForm(a)}
                        data-testid="agency-edit"
                      >
                        {t('register.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form class="panel" onSubmit={submit} noValidate data-testid="agency-form">
        <h3>{t('register.save_agency')}</h3>
        {saved && (
          <p class="notice notice--ok" role="status">
            {t('register.saved', { id: saved })}
          </p>
        )}
        <div class="grid-2">
          <TextField
            id="agency-id"
            label={t('register.id')}
            hint={t('register.agency_id_hint')}
            value={form.id}
            onValue={set('id')}
            required
            error={errors['id']}
            testid="agency-id"
          />
          <TextField
            id="agency-unit"
            label={t('register.unit')}
            hint={t('register.unit_hint')}
            value={form.unit}
            onValue={set('unit')}
            required
            inputMode="numeric"
            error={errors['unit']}
            testid="agency-unit"
          />
        </div>
        <TextField
          id="agency-name"
          label={t('register.name')}
          value={form.name}
          onValue={set('name')}
          required
          maxLength={300}
          error={errors['name']}
          testid="agency-name"
        />
        <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={AGENCY_FIELDS} />
        <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="agency-submit">
          {t('register.save')}
        </button>
      </form>
    </section>
  );
}

const EMPTY_POINT: ReceivingPoint = { id: '', name: '', unit: '', agency_id: '', address: '' };
const POINT_FIELDS = ['id', 'name', 'unit', 'agency_id', 'address'];

export function PointsPanel() {
  const { t } = useI18n();
  const points = useResource(() => fetchReceivingPoints(), []);
  const agencies = useResource(() => fetchAgencies(), []);
  const [form, setForm] = useState<ReceivingPoint>(EMPTY_POINT);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<ReceivingPoint>();
  const errors = errorsByField(own, useFieldFailure(submission.failure), POINT_FIELDS);
  const set = (key: keyof ReceivingPoint) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const found = commonErrors(t, form, /^[A-Za-z0-9._-]{1,64}$/);
    if (!form.agency_id) found['agency_id'] = t('counter.agency_required');
    setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: ReceivingPoint = {
      id: form.id.trim(),
      name: form.name.trim(),
      unit: form.unit.trim(),
      agency_id: form.agency_id,
      address: form.address.trim(),
    };
    submission.submit(
      (key) => saveReceivingPoint(body, key),
      (point) => {
        setSaved(point.id);
        setForm(EMPTY_POINT);
        points.reload();
      },
    );
  };

  return (
    <section>
      <section class="panel">
        <h2>{t('register.points')}</h2>
        {points.loading && !points.data && <Loading />}
        <FailureNotice failure={points.failure} onRetry={points.reload} />
        {points.data && (
          <div class="table-scroll">
            <table class="table" data-testid="points-table">
              <thead>
                <tr>
                  <th scope="col">{t('register.id')}</th>
                  <th scope="col">{t('register.name')}</th>
                  <th scope="col">{t('register.unit')}</th>
                  <th scope="col">{t('register.agency')}</th>
                  <th scope="col">{t('applicant.address')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dossier.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.data.map((p) => (
                  <tr key={p.id} data-testid="point-row" data-id={p.id}>
                    <th scope="row" class="mono">
                      {p.id}
                    </th>
                    <td>{p.name}</td>
                    <td>{p.unit}</td>
                    <td class="mono">{p.agency_id}</td>
                    <td>{p.address}</td>
                    <td>
                      <button
                        type="button"
                        class="button button--small button--secondary"
                        onClick={() => setForm(p)}
                        data-testid="point-edit"
                      >
                        {t('register.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form class="panel" onSubmit={submit} noValidate data-testid="point-form">
        <h3>{t('register.save_point')}</h3>
        {saved && (
          <p class="notice notice--ok" role="status">
            {t('register.saved', { id: saved })}
          </p>
        )}
        <div class="grid-2">
          <TextField
            id="point-id"
            label={t('register.id')}
            hint={t('register.point_id_hint')}
            value={form.id}
            onValue={set('id')}
            required
            error={errors['id']}
            testid="point-id"
          />
          <TextField
            id="point-unit"
            label={t('register.unit')}
            hint={t('register.unit_hint')}
            value={form.unit}
            onValue={set('unit')}
            required
            inputMode="numeric"
            error={errors['unit']}
            testid="point-unit"
          />
        </div>
        <TextField
          id="point-name"
          label={t('register.name')}
          value={form.name}
          onValue={set('name')}
          required
          maxLength={300}
          error={errors['name']}
          testid="point-name"
        />
        <SelectField
          id="point-agency"
          label={t('register.agency')}
          value={form.agency_id}
          onValue={set('agency_id')}
          options={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
          placeholder={t('common.choose')}
          required
          error={errors['agency_id']}
          testid="point-agency"
        />
        <TextField
          id="point-address"
          label={t('applicant.address')}
          value={form.address}
          onValue={set('address')}
          maxLength={300}
          error={errors['address']}
          testid="point-address"
        />
        <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={POINT_FIELDS} />
        <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="point-submit">
          {t('register.save')}
        </button>
      </form>
    </section>
  );
}
