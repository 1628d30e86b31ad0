// A file picker that uploads the chosen file at once (POST /api/v1/files) and hands back its id, so that the
// form's own request only carries ids. It says what happens: checking, sending, done (name and size), or the
// refusal with "retry". Only PDF, JPEG and PNG of at most 20 MiB are offered; the server checks the content.
import { useRef, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import { ACCEPTED_FILES, fileProblem, uploadFile } from '../api/files';
import type { UploadedFile } from '../api/types';
import { formatBytes } from '../format/number';
import { useI18n } from '../i18n/i18n';
import { FailureNotice } from './FailureNotice';

export type UploadState = 'idle' | 'pending' | 'done' | 'failed';

export function FileUpload({
  id,
  label,
  testid,
  value,
  onUploaded,
  onState,
  error,
}: {
  id: string;
  label: string;
  testid: string;
  value: UploadedFile | null;
  onUploaded: (file: UploadedFile | null) => void;
  onState?: ((state: UploadState) => void) | undefined;
  error?: string | undefined;
}) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = useRef<File | null>(null);

  const send = (file: File) => {
    setPending(true);
    setFailure(null);
    onState?.('pending');
    uploadFile(file).then(
      (uploaded) => {
        setPending(false);
        onState?.('done');
        onUploaded(uploaded);
      },
      (cause: unknown) => {
        setPending(false);
        onState?.('failed');
        if (!isRequestFailure(cause)) throw cause;
        setFailure(cause);
      },
    );
  };

  const pick = (files: FileList | null) => {
    const file = files?.[0] ?? null;
    chosen.current = file;
    setFailure(null);
    onUploaded(null);
    if (!file) {
      setProblem(null);
      onState?.('idle');
      return;
    }
    const found = fileProblem(file);
    setProblem(found ? t(`file.${found}`) : null);
    if (found) {
      onState?.('failed');
      return;
    }
    send(file);
  };

  const shownError = problem ?? error;
  return (
    <div class={shownError ? 'file-upload field--invalid' : 'file-upload'}>
      <label class="file-upload__pick" for={id}>
        <span class="visually-hidden">{label}</span>
        <input
          type="file"
          id={id}
          accept={ACCEPTED_FILES}
          onChange={(e) => pick(e.currentTarget.files)}
          aria-describedby={shownError ? `${id}-error` : undefined}
          data-testid={testid}
        />
      </label>
      {pending && (
        <span class="muted" aria-live="polite" data-testid={`${testid}-pending`}>
          {t('file.sending')}
        </span>
      )}
      {value && !pending && (
        <span class="file-upload__done" data-testid={`${testid}-done`} data-file={value.id}>
          ✓ {value.name || t('file.unnamed')} · {formatBytes(lang, value.size)}
        </span>
      )}
      {shownError && (
        <p class="field__error" id={`${id}-error`} data-testid={`${testid}-error`}>
          {shownError}
        </p>
      )}
      <FailureNotice
        failure={failure}
        onRetry={() => chosen.current && send(chosen.current)}
        testid={`${testid}-failure`}
      />
    </div>
  );
}
