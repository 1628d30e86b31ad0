// The files a dossier's history attaches (GET /api/v1/dossiers/{code}/files): the scans of its documents and of
// its result, with their names and sizes, each opened in a new tab. Opening fetches the file with the session's
// token and shows it from a blob: address, since the API does not take the token from a plain link. A PDF's
// signatures are checked on the server and shown under it.
import { useState } from 'preact/hooks';
import { fetchDossierFiles, fileUrl } from '../../api/files';
import { type FileSignatures, fetchFileSignatures } from '../../api/signing';
import type { Dossier, DossierFile } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { SignatureReportView } from '../../components/SignatureReportView';
import { formatDateTime } from '../../format/datetime';
import { formatBytes } from '../../format/number';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { isRequestFailure, type RequestFailure } from '../../api/client';

function componentLabel(dossier: Dossier, seq: number, theResult: string): string {
  if (seq < 0) return theResult;
  const component = dossier.components.find((c) => c.seq === seq);
  if (!component) return String(seq);
  return `${seq}. ${component.name.length > 100 ? `${component.name.slice(0, 100)}…` : component.name}`;
}

// The signatures of the files checked so far, by file id, and why the last check failed.
function useSignatureChecks() {
  const [checked, setChecked] = useState<Record<string, FileSignatures>>({});
  const [checking, setChecking] = useState<string | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const check = (id: string) => {
    setChecking(id);
    setFailure(null);
    fetchFileSignatures(id).then(
      (signatures) => {
        setChecking(null);
        setChecked((before) => ({ ...before, [id]: signatures }));
      },
      (cause: unknown) => {
        setChecking(null);
        if (!isRequestFailure(cause)) throw cause;
        setFailure(cause);
      },
    );
  };
  return { checked, checking, failure, check };
}

export function DossierFiles({ dossier }: { dossier: Dossier }) {
  const { t, lang } = useI18n();
  // Loaded again after every action, which may have attached a file.
  const files = useResource(() => fetchDossierFiles(dossier.code), [dossier.code, dossier.last_seq]);
  const { opening, failure, open: openTab } = useBlobTab();
  const open = (file: DossierFile) => openTab(file.file, () => fileUrl(file.file));
  const signatures = useSignatureChecks();

  const items = files.data ?? [];
  if (!files.failure && items.length === 0) return null;
  return (
    <section class="panel" data-testid="dossier-files">
      <h2>{t('files.title')}</h2>
      <FailureNotice
        failure={files.failure ?? failure ?? signatures.failure}
        onRetry={files.failure ? files.reload : undefined}
      />
      <ul class="file-list">
        {items.map((f, i) => (
          <li key={`${f.file}-${i}`} class="file-list__item" data-testid="dossier-file" data-file={f.file} data-seq={f.component_seq}>
            <span class="file-list__what">{componentLabel(dossier, f.component_seq, t('field.the_result'))}</span>
            <span class="file-list__name">
              {f.stored ? (f.name || t('file.unnamed')) : f.file}
              {f.stored && f.size !== undefined && <span class="muted"> · {formatBytes(lang, f.size)}</span>}
            </span>
            <span class="muted">
              {f.attached_by} · {formatDateTime(f.attached_at)}
            </span>
            <div class="file-list__buttons">
              {f.stored && (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => open(f)}
                  disabled={opening === f.file}
                  data-testid="dossier-file-open"
                >
                  {opening === f.file ? t('common.loading') : t('files.open')}
                </button>
              )}
              {f.stored && f.media_type === 'application/pdf' && !signatures.checked[f.file] && (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => signatures.check(f.file)}
                  disabled={signatures.checking === f.file}
                  data-testid="dossier-file-signatures"
                >
                  {signatures.checking === f.file ? t('common.loading') : t('files.check_signatures')}
                </button>
              )}
            </div>
            {signatures.checked[f.file] && <SignatureReportView signatures={signatures.checked[f.file]!} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
