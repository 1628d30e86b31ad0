// Downloads a report URL as CSV (format=csv): fetched with the bearer token, saved through a blob.
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../../api/client';
import { downloadCsv } from '../../api/reports';
import { FailureNotice } from '../../components/FailureNotice';
import { useI18n } from '../../i18n/i18n';

export function ExportButton({ path, fileName, label, testid }: { path: string; fileName: string; label: string; testid: string }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const run = () => {
    setPending(true);
    setFailure(null);
    downloadCsv(path, fileName).then(
      () => setPending(false),
      (error: unknown) => {
        setPending(false);
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
      },
    );
  };
  return (
    <span class="export">
      <button type="button" class="button button--secondary button--small" onClick={run} disabled={pending} data-testid={testid}>
        {pending ? t('common.sending') : label}
      </button>
      <FailureNotice failure={failure} onRetry={run} />
    </span>
  );
}
