// A file's signatures as the server judged them (GET …/signatures): the verdict of the file, then for each
// signature the fields Vietnam's rules ask a verifier to show — who signed, who issued the certificate and the
// chain above it, when, whether the file is as signed, whether the certificate was valid then, and any timestamp
// or revocation data. Nothing is judged here.
import type { CertificateFacts, FileSignatures, SignatureReport } from '../api/signing';
import { formatDateTime } from '../format/datetime';
import { useI18n } from '../i18n/i18n';

function YesNo({ value }: { value: boolean }) {
  const { t } = useI18n();
  return <>{value ? t('signature.yes') : t('signature.no')}</>;
}

function Certificate({ certificate }: { certificate: CertificateFacts }) {
  const { t } = useI18n();
  return (
    <li>
      <strong>{certificate.common_name}</strong>
      <span class="muted">
        {' '}
        · {t('signature.serial')} {certificate.serial} · {t('signature.valid_until')} {formatDateTime(certificate.not_after)}
      </span>
    </li>
  );
}

function Signature({ report, index }: { report: SignatureReport; index: number }) {
  const { t } = useI18n();
  return (
    <div class="signature" data-testid="signature" data-verdict={report.verdict}>
      <h3>
        {t('signature.number', { n: index + 1 })}{' '}
        <span class={`badge verdict verdict--${report.verdict}`}>{t(`signature.verdict.${report.verdict}`)}</span>
      </h3>
      {report.problem && <p class="notice notice--error">{report.problem}</p>}
      <dl class="facts facts--columns">
        <div>
          <dt>{t('signature.signer')}</dt>
          <dd data-testid="signature-signer">{report.signer_name}</dd>
        </div>
        <div>
          <dt>{t('signature.issuer')}</dt>
          <dd>{report.chain[0]?.issuer_common_name ?? ''}</dd>
        </div>
        <div>
          <dt>{t('signature.time')}</dt>
          <dd>{report.signing_time ? formatDateTime(report.signing_time) : '—'}</dd>
        </div>
        <div>
          <dt>{t('signature.intact')}</dt>
          <dd>
            <YesNo value={report.intact} />
            {report.intact && !report.covers_whole_file && <span class="muted"> · {t('signature.later_revisions')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('signature.valid_at_signing')}</dt>
          <dd>
            <YesNo value={report.certificate_valid_at_signing} />
          </dd>
        </div>
        <div>
          <dt>{t('signature.trust')}</dt>
          <dd>
            {t(`signature.trust.${report.trust}`)}
            {report.trust_problem && <span class="muted"> ({report.trust_problem})</span>}
          </dd>
        </div>
        {report.reason && (
          <div>
            <dt>{t('signature.reason')}</dt>
            <dd>{report.reason}</dd>
          </div>
        )}
        <div>
          <dt>{t('signature.extras')}</dt>
          <dd>
            {t('signature.timestamp')}: <YesNo value={report.has_timestamp} /> · {t('signature.revocation')}:{' '}
            <YesNo value={report.has_revocation_data} />
          </dd>
        </div>
      </dl>
      {report.chain.length > 0 && (
        <>
          <p class="muted">{t('signature.chain')}</p>
          <ol class="signature-chain">
            {report.chain.map((c) => (
              <Certificate key={c.sha256} certificate={c} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function SignatureReportView({ signatures }: { signatures: FileSignatures }) {
  const { t } = useI18n();
  return (
    <div class="signatures" data-testid="signatures" data-verdict={signatures.verdict}>
      <p>
        <span class={`badge verdict verdict--${signatures.verdict}`} data-testid="signatures-verdict">
          {t(`signature.file_verdict.${signatures.verdict}`)}
        </span>
      </p>
      {signatures.items.map((report, i) => (
        <Signature key={report.field} report={report} index={i} />
      ))}
    </div>
  );
}
