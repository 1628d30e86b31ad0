// The receipt and appointment slip (Circular 03/2025/TT-VPCP, form 01): the dossier code, the applicant, the
// procedure, the documents received, the appointment, and a QR code of the tracking page, where the
// applicant follows the dossier and rates the service. Printable on A4 or A5 (print.css: named pages, as the
// server's Content-Security-Policy allows no inline style sheet).
import { useState } from 'preact/hooks';
import { fetchDossier } from '../../api/dossiers';
import { type Paper, formUrl } from '../../api/forms';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { PaperSelect } from '../../components/PaperSelect';
import { QrCode } from '../../components/QrCode';
import { formatDateTime } from '../../format/datetime';
import { EMPTY_REGISTER, agencyName, pointOf, useRegister } from '../../hooks/useRegister';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href, trackingUrl } from '../../router';

export function ReceiptSlip({ code }: { code: string }) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<Paper>('A4');
  const view = useResource(() => fetchDossier(code), [code]);
  const register = useRegister().data ?? EMPTY_REGISTER;
  // The server's PDF, in a tab of its own: the page the law's form has, the same on every printer.
  const pdf = useBlobTab();
  const printPdf = () => pdf.open('receipt', () => formUrl(code, 'receipt', paper));

  if (view.failure) return <FailureNotice failure={view.failure} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const { dossier, procedure_name } = view.data;
  const point = pointOf(register, dossier.receiving_point);
  const url = trackingUrl(dossier.code, view.data.receipt_pin);
  const plainUrl = trackingUrl(dossier.code);

  return (
    <section class={`slip-page slip-page--${paper}`}>
      <div class="slip-toolbar no-print">
        <a href={href(['quay'])} class="button button--secondary" data-testid="slip-new">
          {t('slip.next')}
        </a>
        <a href={href(['ho-so', dossier.code])} class="button button--secondary">
          {t('slip.open_dossier')}
        </a>
        <PaperSelect paper={paper} onChange={setPaper} testId="slip-paper" />
        <button type="button" class="button" onClick={printPdf} disabled={pdf.opening !== null} data-testid="slip-print-pdf">
          {t('slip.print_pdf')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => window.print()}
          data-testid="slip-print"
        >
          {t('slip.print')}
        </button>
      </div>
      <FailureNotice failure={pdf.failure} />
      <article class="slip" data-testid="slip">
        <header class="slip__head">
          <div>
            <p class="slip__issuer">{point?.name ?? dossier.receiving_point}</p>
            {point?.address && <p class="muted">{point.address}</p>}
          </div>
          <div class="slip__nation">
            <p>{t('slip.nation')}</p>
            <p>{t('slip.motto')}</p>
          </div>
        </header>
        <h1 class="slip__title">{t('slip.title')}</h1>
        <p class="slip__code">
          {t('slip.code')}: <strong data-testid="slip-code">{dossier.code}</strong>
          <span class="slip__pin">
            {t('slip.pin')}: <strong class="mono" data-testid="slip-pin">{view.data.receipt_pin}</strong>
          </span>
        </p>
        <div class="slip__body">
          <dl class="facts">
            <div>
              <dt>{t('slip.applicant')}</dt>
              <dd data-testid="slip-applicant">{dossier.applicant.organisation || dossier.applicant.name}</dd>
            </div>
            {dossier.applicant.organisation && (
              <div>
                <dt>{t('slip.representative')}</dt>
                <dd>{dossier.applicant.name}</dd>
              </div>
            )}
            {dossier.applicant.citizen_id && (
              <div>
                <dt>{t('applicant.citizen_id')}</dt>
                <dd class="mono">{dossier.applicant.citizen_id}</dd>
              </div>
            )}
            {dossier.applicant.phone && (
              <div>
                <dt>{t('applicant.phone')}</dt>
                <dd>{dossier.applicant.phone}</dd>
              </div>
            )}
            {dossier.applicant.address && (
              <div>
                <dt>{t('applicant.address')}</dt>
                <dd>{dossier.applicant.address}</dd>
              </div>
            )}
            <div>
              <dt>{t('slip.procedure')}</dt>
              <dd data-testid="slip-procedure">
                {procedure_name || dossier.procedure_code} <span class="mono">({dossier.procedure_code})</span>
              </dd>
            </div>
            <div>
              <dt>{t('slip.agency')}</dt>
              <dd>{agencyName(register, dossier.competent_agency)}</dd>
            </div>
            <div>
              <dt>{t('slip.received_at')}</dt>
              <dd>{formatDateTime(dossier.received_at ?? dossier.submitted_at)}</dd>
            </div>
          </dl>
          <figure class="slip__qr">
            <QrCode text={url} label={t('slip.qr_label', { code: dossier.code })} size={140} testid="slip-qr" />
            <figcaption>{t('slip.qr_caption')}</figcaption>
          </figure>
        </div>
        <h2 class="slip__subtitle">{t('slip.components')}</h2>
        <table class="table slip__components" data-testid="slip-components">
          <thead>
            <tr>
              <th scope="col">{t('slip.no')}</th>
              <th scope="col">{t('slip.document')}</th>
              <th scope="col">{t('component.originals')}</th>
              <th scope="col">{t('component.copies')}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.components.map((c, i) => (
              <tr key={`${c.seq}-${i}`}>
                <td>{i + 1}</td>
                <td class="prewrap">{c.name}</td>
                <td>{c.originals}</td>
                <td>{c.copies}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="slip__appointment">
          {t('slip.appointment')}: <strong data-testid="slip-appointment">{formatDateTime(dossier.due_at)}</strong>
        </p>
        <p class="slip__note">{t('slip.note', { url: plainUrl })}</p>
        <footer class="slip__signatures">
          <div>
            <p>
              <strong>{t('slip.sign_applicant')}</strong>
            </p>
            <p class="muted">{t('slip.sign_hint')}</p>
          </div>
          <div>
            <p>
              <strong>{t('slip.sign_receiver')}</strong>
            </p>
            <p class="muted">{t('slip.sign_hint')}</p>
          </div>
        </footer>
      </article>
    </section>
  );
}
