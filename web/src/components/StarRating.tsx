// A 1–5 rating as a group of radio buttons drawn as stars (keyboard: arrows move, space picks).
import { useI18n } from '../i18n/i18n';

export function StarRating({
  name,
  value,
  onValue,
  legend,
  error,
}: {
  name: string;
  value: number;
  onValue: (score: number) => void;
  legend: string;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset class={error ? 'stars field--invalid' : 'stars'} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <div class="stars__row">
        {[1, 2, 3, 4, 5].map((score) => (
          <label key={score} class={score <= value ? 'star star--on' : 'star'} data-testid={`rating-star-${score}`}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onValue(score)}
              class="visually-hidden"
            />
            <span aria-hidden="true">★</span>
            <span class="visually-hidden">{t('rating.stars', { n: score })}</span>
          </label>
        ))}
        {value > 0 && <span class="stars__text">{t(`rating.word.${value as 1 | 2 | 3 | 4 | 5}`)}</span>}
      </div>
      {error && (
        <p class="field__error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
