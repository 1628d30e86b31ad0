// The files a dossier's history attaches (GET /api/v1/dossiers/{code}/files): the scans of its documents and of
// its result, with their names and sizes, each opened in a new tab. Opening fetches the file with the session's
// token and shows it from a blob: address, since the API does not take the token from a plain link.
import { fetchDossierFiles, fileUrl } from '../../api/files';
import type { Dossier, DossierFile } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { formatDateTime } from '../../format/datetime';
import { formatBytes } from '../../format/number';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';

function componentLabel(dossier: Dossier, seq: number, theResult: string): string {
  if (seq < 0) return theResult;
  const component = dossier.components.find((c) => c.seq === seq);
  if (!component) return String(seq);
  return `${seq}. ${component.name.length > 100 ? `${component.name.slice(0, 100)}…` : component.name}`;
}

export function DossierFiles({ dossier }: { dossier: Dossier }) {
  const { t, lang } = useI18n();
  // Loaded again after every action, which may have attached a file.
  const files = useResource(() => fetchDossierFiles(dossier.code), [dossier.code, dossier.last_seq]);
  const { opening, failure, open: openTab } = useBlobTab();
  const open = (file: DossierFile) => openTab(file.file, () => fileUrl(file.file));

  const items = files.data ?? [];
  if (!files.failure && items.length === 0) return null;
  return (
    <section class="panel" data-testid="dossier-files">
      <h2>{t('files.title')}</h2>
      <FailureNotice failure={files.failure ?? failure} onRetry={files.failure ? files.reload : undefined} />
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
          </li>
        ))}
      </ul>
    </section>
  );
}
