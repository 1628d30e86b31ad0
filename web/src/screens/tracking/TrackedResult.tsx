// The electronic result on the tracking page, for whoever holds the receipt (its PIN): the file opened in a new
// tab (GET /api/v1/track/{code}/result), and its signatures as the server judges them.
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../../api/client';
import { type FileSignatures, fetchTrackedResultSignatures, trackedResultUrl } from '../../api/signing';
import { FailureNotice } from '../../components/FailureNotice';
import { SignatureReportView } from '../../components/SignatureReportView';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useI18n } from '../../i18n/i18n';

export function TrackedResult({ code, pin }: { code: string; pin: string }) {
  const { t } = useI18n();
  const file = useBlobTab();
  const [signatures, setSignatures] = useState<FileSignatures | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const check = () => {
    setChecking(true);
    setFailure(null);
    fetchTrackedResultSignatures(code, pin).then(
      (found) => {
        setChecking(false);
        setSignatures(found);
      },
      (cause: unknown) => {
        setChecking(false);
        if (!isRequestFailure(cause)) throw cause;
        setFailure(cause);
      },
    );
  };
  return (
    <section class="panel" data-testid="tracked-result">
      <h2>{t('track.result.title')}</h2>
      <FailureNotice failure={file.failure ?? failure} />
      <div class="button-row">
        <button
          type="button"
          class="button"
          onClick={() => file.open('result', () => trackedResultUrl(code, pin))}
          disabled={file.opening === 'result'}
          data-testid="tracked-result-open"
        >
          {file.opening === 'result' ? t('common.loading') : t('track.result.open')}
        </button>
        {!signatures && (
          <button type="button" class="button button--secondary" onClick={check} disabled={checking} data-testid="tracked-result-signatures">
            {checking ? t('common.loading') : t('files.check_signatures')}
          </button>
        )}
      </div>
      {signatures && <SignatureReportView signatures={signatures} />}
    </section>
  );
}
