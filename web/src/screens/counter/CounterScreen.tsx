// The counter: find the procedure, check the documents against its list (and scan them: each scan is uploaded
// when chosen), take the applicant's particulars, choose the receiving point and the deciding agency, receive
// (POST /api/v1/dossiers, with the scans' ids), then print the receipt and appointment slip. Beside the search,
// the questions assistant answers "how much / what papers / how long" and can choose the procedure it names.
// Both rank the procedures of the account's level (commune or province) first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchAgencies, fetchProcedure, fetchReceivingPoints } from '../../api/catalogue';
import { receiveDossier, type IntakeBody } from '../../api/dossiers';
import type { Account, Dossier } from '../../api/types';
import {
  ApplicantFields,
  EMPTY_APPLICANT,
  applicantBody,
  applicantErrors,
  changedApplicantFields,
  type ApplicantForm,
} from '../../components/ApplicantFields';
import { AssistantPanel } from '../../components/AssistantPanel';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { ProcedureSearch } from '../../components/ProcedureSearch';
import { ChannelTable, documentsOf } from '../../components/ProcedureDetails';
import {
  EMPTY_TIME,
  ProcessingTimeFields,
  catalogueHasTime,
  timeBody,
  timeError,
  type TimeForm,
} from '../../components/ProcessingTimeFields';
import { SelectField, focusFirstInvalid } from '../../components/fields';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useResource } from '../../hooks/useResource';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n } from '../../i18n/i18n';
import { href, navigate } from '../../router';
import { ComponentsChecklist, initialTicks, receivedComponents, uploadsPending, type Ticks } from './ComponentsChecklist';

const FIELDS = [
  'procedure_code',
  'applicant.name',
  'applicant.citizen_id',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.organisation',
  'components',
  'receiving_point',
  'competent_agency',
  'processing_time',
];

export function CounterScreen({ account }: { account: Account }) {
  const { t } = useI18n();
  const preferLevel = account.search_level ?? undefined;
  const [code, setCode] = useState<string | null>(null);
  const procedure = useResource(() => (code ? fetchProcedure(code) : Promise.resolve(null)), [code]);
  const points = useResource(
    async () => (await Promise.all(account.units.map((unit) => fetchReceivingPoints(unit)))).flat(),
    [account.units.join(',')],
  );
  const agencies = useResource(() => fetchAgencies(), []);
  const [ticks, setTicks] = useState<Ticks>({});
  const [applicant, setApplicant] = useState<ApplicantForm>(EMPTY_APPLICANT);
  const [pointId, setPointId] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [time, setTime] = useState<TimeForm>(EMPTY_TIME);
  const submission = useSubmission<Dossier>();
  const fieldErrors = useFieldErrors(submission.failure);
  // Each change clears the error of what it changed.
  const changeApplicant = (next: ApplicantForm) => {
    fieldErrors.edited(...changedApplicantFields(applicant, next));
    setApplicant(next);
  };
  const changeTicks = (next: Ticks) => {
    fieldErrors.edited('components');
    setTicks(next);
  };
  const changeTime = (next: TimeForm) => {
    fieldErrors.edited('processing_time');
    setTime(next);
  };
  const pickProcedure = (next: string) => {
    fieldErrors.edited('procedure_code', 'components', 'processing_time');
    setCode(next);
  };
  // Chosen from the assistant's answer: the procedure's panel is further down, so the keyboard goes there.
  const chosenHeading = useRef<HTMLHeadingElement>(null);
  const focusChosen = useRef(false);
  const chooseFromAnswer = (next: string) => {
    if (next === code && procedure.data) {
      chosenHeading.current?.focus();
      return;
    }
    focusChosen.current = true;
    pickProcedure(next);
  };

  useEffect(() => {
    if (procedure.data) setTicks(initialTicks(procedure.data.components));
    if (procedure.data && focusChosen.current) {
      focusChosen.current = false;
      chosenHeading.current?.focus();
    }
  }, [procedure.data]);

  // The first point of the user's units, and its agency as the deciding one, until the user chooses.
  useEffect(() => {
    const first = points.data?.[0];
    if (first && !pointId) {
      setPointId(first.id);
      if (!agencyId) setAgencyId(first.agency_id);
    }
  }, [points.data]);

  const needsTime = procedure.data ? !catalogueHasTime(procedure.data, 'direct') : false;

  const validate = (): Record<string, string> => {
    const found = applicantErrors(t, applicant, true);
    if (!procedure.data) found['procedure_code'] = t('counter.procedure_required');
    else if (documentsOf(procedure.data.components).length > 0 && receivedComponents(procedure.data.components, ticks).length === 0)
      found['components'] = t('counter.components_required');
    if (!pointId) found['receiving_point'] = t('counter.point_required');
    if (!agencyId) found['competent_agency'] = t('counter.agency_required');
    const timeProblem = needsTime ? timeError(t, time) : undefined;
    if (timeProblem) found['processing_time'] = timeProblem;
    if (!found['components'] && uploadsPending(ticks)) found['components'] = t('file.wait');
    return found;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = validate();
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0 || !procedure.data) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: IntakeBody = {
      procedure_code: procedure.data.code,
      channel: 'direct',
      applicant: applicantBody(applicant),
      components: receivedComponents(procedure.data.components, ticks),
      receiving_point: pointId,
      competent_agency: agencyId,
    };
    if (needsTime) body.processing_time = timeBody(time);
    submission.submit(
      (key) => receiveDossier(body, key),
      (dossier) => navigate(href(['quay', 'phieu', dossier.code])),
    );
  };

  const errors: Record<string, string | undefined> = Object.fromEntries(FIELDS.map((name) => [name, fieldErrors.error(name)]));

  return (
    <section>
      <header class="screen-head">
        <h1>{t('counter.title')}</h1>
        <a class="button button--secondary" href={href(['hop-thu'])} data-testid="counter-inbox-link">
          {t('counter.inbox_link')}
        </a>
      </header>
      <form class="counter" onSubmit={submit} noValidate data-testid="counter-form">
        <div class="counter__procedure panel">
          <h2>{t('counter.step_procedure')}</h2>
          <ProcedureSearch id="counter-procedure" selected={code} onPick={(hit) => pickProcedure(hit.code)} preferLevel={preferLevel} />
          {errors['procedure_code'] && (
            <p class="field__error" data-testid="procedure-error">
              {errors['procedure_code']}
            </p>
          )}
          <details class="assistant-toggle" data-testid="counter-assistant">
            <summary>{t('assistant.counter_toggle')}</summary>
            <AssistantPanel
              id="counter-assistant"
              preferLevel={preferLevel}
              action={{ label: t('assistant.choose'), onChoose: chooseFromAnswer }}
            />
          </details>
          {code && procedure.loading && <Loading />}
          <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />
          {procedure.data && (
            <div data-testid="counter-procedure" data-code={procedure.data.code}>
              <h3 ref={chosenHeading} tabIndex={-1}>
                {procedure.data.name}
              </h3>
              <ChannelTable procedure={procedure.data} staff />
              <ComponentsChecklist components={procedure.data.components} ticks={ticks} onChange={changeTicks} error={errors['components']} />
            </div>
          )}
        </div>
        <div class="counter__applicant panel">
          <h2>{t('counter.step_applicant')}</h2>
          <ApplicantFields idPrefix="counter" value={applicant} onChange={changeApplicant} errors={errors} lookUpReturning />
          <fieldset class="fieldset">
            <legend>{t('counter.where')}</legend>
            <FailureNotice failure={points.failure ?? agencies.failure} onRetry={points.failure ? points.reload : agencies.reload} />
            <SelectField
              id="counter-point"
              label={t('counter.point')}
              value={pointId}
              onValue={(id) => {
                fieldErrors.edited('receiving_point', 'competent_agency');
                setPointId(id);
                const point = points.data?.find((p) => p.id === id);
                if (point) setAgencyId(point.agency_id);
              }}
              options={(points.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              placeholder={t('common.choose')}
              required
              error={errors['receiving_point']}
              testid="receiving-point"
            />
            <SelectField
              id="counter-agency"
              label={t('counter.agency')}
              hint={t('counter.agency_hint')}
              value={agencyId}
              onValue={(id) => {
                fieldErrors.edited('competent_agency');
                setAgencyId(id);
              }}
              options={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
              placeholder={t('common.choose')}
              required
              error={errors['competent_agency']}
              testid="competent-agency"
            />
          </fieldset>
          {needsTime && (
            <ProcessingTimeFields
              idPrefix="counter"
              value={time}
              onChange={changeTime}
              error={errors['processing_time']}
              hint={t('time.catalogue_silent')}
            />
          )}
          <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={FIELDS} />
          <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="receive-submit">
            {submission.pending ? t('common.sending') : t('counter.receive')}
          </button>
        </div>
      </form>
    </section>
  );
}
