// The applicant rates the handling of a returned dossier, 1 to 5 stars with a comment (the latest counts).
import { useState } from 'preact/hooks';
import { actOnDossier } from '../../api/dossiers';
import type { Dossier } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { StarRating } from '../../components/StarRating';
import { TextAreaField, focusFirstInvalid, tooLongMessage } from '../../components/fields';
import { LONG_TEXT_BYTES } from '../../format/text';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n } from '../../i18n/i18n';

export function RatingForm({ dossier, onRated }: { dossier: Dossier; onRated: () => void }) {
  const { t } = useI18n();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [thanked, setThanked] = useState(false);
  const submission = useSubmission<Dossier>();
  const fieldErrors = useFieldErrors(submission.failure);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (score < 1) found['score'] = t('rating.required');
    const tooLong = tooLongMessage(t, comment, LONG_TEXT_BYTES);
    if (tooLong) found['comment'] = tooLong;
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: Record<string, unknown> = comment.trim() ? { score, comment: comment.trim() } : { score };
    submission.submit(
      (key) => actOnDossier(dossier.code, 'evaluate', body, key),
      () => {
        setThanked(true);
        onRated();
      },
    );
  };

  if (thanked) {
    return (
      <p class="notice notice--ok" role="status" data-testid="rating-done">
        {t('rating.thanks')}
      </p>
    );
  }
  return (
    <form class="panel rating-form" onSubmit={submit} noValidate data-testid="rating-form">
      <h2>{t('rating.title')}</h2>
      {dossier.evaluation !== null && <p class="muted">{t('rating.previous', { n: dossier.evaluation })}</p>}
      <StarRating
        name="rating"
        legend={t('rating.legend')}
        value={score}
        onValue={(n) => {
          fieldErrors.edited('score');
          setScore(n);
        }}
        error={fieldErrors.error('score')}
      />
      <TextAreaField
        id="rating-comment"
        label={t('field.comment')}
        value={comment}
        onValue={(v) => {
          fieldErrors.edited('comment');
          setComment(v);
        }}
        maxBytes={LONG_TEXT_BYTES}
        error={fieldErrors.error('comment')}
        testid="rating-comment"
      />
      <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={['score', 'comment']} />
      <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="rating-submit">
        {submission.pending ? t('common.sending') : t('rating.submit')}
      </button>
    </form>
  );
}
