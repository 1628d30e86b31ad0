// A failed request, said plainly: the server's message (or "no connection"), and a "retry" button when the
// request may simply be sent again (no answer, or a 5xx). A 4xx naming a field the form shows beside that
// field is left to the field (see useFieldFailure).
import { ApiError, type RequestFailure } from '../api/client';
import { useI18n } from '../i18n/i18n';

// Whether the error's field (e.g. "applicant.citizen_id", "components[2].copies") belongs to `name`.
function claims(errorField: string, name: string): boolean {
  return errorField === name || errorField.startsWith(`${name}.`) || errorField.startsWith(`${name}[`);
}

// The message to show beside the field `name`, when the failure is about it.
export function useFieldFailure(failure: RequestFailure | null): (name: string) => string | undefined {
  const { failureText } = useI18n();
  return (name) => (failure instanceof ApiError && failure.field && claims(failure.field, name) ? failureText(failure) : undefined);
}

export function FailureNotice({
  failure,
  onRetry,
  fields = [],
  testid = 'failure',
}: {
  failure: RequestFailure | null;
  onRetry?: (() => void) | undefined;
  // The fields the form shows errors beside.
  fields?: string[] | undefined;
  testid?: string | undefined;
}) {
  const { t, failureText } = useI18n();
  if (!failure) return null;
  if (failure instanceof ApiError && failure.field && fields.some((f) => claims(failure.field, f))) return null;
  return (
    <div class="notice notice--error" role="alert" data-testid={testid}>
      <p>{failureText(failure)}</p>
      {failure.retryable && onRetry && (
        <button type="button" class="button button--small" onClick={onRetry} data-testid="retry">
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

// The errors to show beside each of `names`: the form's own checks first, else the server's.
export function errorsByField(
  own: Record<string, string>,
  fieldFailure: (name: string) => string | undefined,
  names: string[],
): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, own[name] ?? fieldFailure(name)]));
}
