// The questions assistant ("Hỏi đáp"): a question in plain words ("làm giấy khai sinh cần gì?"), answered by the
// server from the catalogue — the answer first, then the sections it comes from, each citing its source, the
// procedure's notes, and other procedures that may be meant. When the server is not confident it says so and
// offers suggestions; asking about one of them sends its code with the same words. Nothing is decided here.
// No <form>: the panel may sit inside the counter's form; Enter in the box asks.
import { useRef, useState } from 'preact/hooks';
import { askAssistant } from '../api/assistant';
import { ApiError } from '../api/client';
import type { AnswerSection, AssistantAnswer, AssistantReply, PreferLevel, ProcedureHit } from '../api/types';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../i18n/i18n';
import { FailureNotice, Loading } from './FailureNotice';
import { HitLabel, Understood } from './ProcedureSearch';

interface Asked {
  // What is sent: the words typed, or a procedure's code and those words.
  q: string;
  // The words typed, to ask again about another procedure.
  words: string;
}

// What to do with the procedure answered: the counter chooses it, the portal opens its page.
export interface AssistantAction {
  label: string;
  onChoose: (code: string) => void;
}

function Section({ section, code }: { section: AnswerSection; code: string }) {
  const { t, lang } = useI18n();
  return (
    <section
      class={section.missing ? 'assistant-section assistant-section--missing' : 'assistant-section'}
      data-testid="assistant-section"
      data-topic={section.topic}
      data-missing={section.missing ? 'true' : undefined}
    >
      <h4 class="assistant-section__title">
        {lang === 'en' ? section.title_en || section.title : section.title}
        {section.missing && <span class="tag">{t('assistant.missing')}</span>}
      </h4>
      <ul class="assistant-section__lines">
        {section.lines.map((line, i) => (
          <li key={i} class="prewrap">
            {line}
          </li>
        ))}
      </ul>
      <p class="assistant-cite muted">{t('assistant.cite', { code, source: section.source })}</p>
    </section>
  );
}

function HitButtons({ hits, testid, onAsk }: { hits: ProcedureHit[]; testid: string; onAsk: (hit: ProcedureHit) => void }) {
  return (
    <ul class="procedure-hits">
      {hits.map((hit) => (
        <li key={hit.code}>
          <button type="button" class="procedure-hit" onClick={() => onAsk(hit)} data-testid={testid} data-code={hit.code}>
            <HitLabel hit={hit} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function Answer({
  reply,
  answer,
  action,
  detailsHref,
}: {
  reply: AssistantReply;
  answer: AssistantAnswer;
  action?: AssistantAction | undefined;
  detailsHref?: ((code: string) => string) | undefined;
}) {
  const { t, lang } = useI18n();
  const text = lang === 'en' ? answer.text_en || answer.text : answer.text;
  const topic = lang === 'en' ? reply.intent_label_en || reply.intent_label : reply.intent_label;
  return (
    <article class="assistant-answer" data-testid="assistant-answer" data-code={answer.code}>
      <h3 class="assistant-answer__name">
        {answer.name} <span class="mono">({answer.code})</span>
      </h3>
      {topic && <p class="assistant-answer__topic muted">{t('assistant.topic', { topic })}</p>}
      {reply.rephrased ? (
        <>
          <p class="assistant-answer__text prewrap" data-testid="assistant-rephrased">
            {reply.rephrased}
          </p>
          <p class="assistant-answer__note muted">{t('assistant.rephrased_note')}</p>
          <blockquote class="assistant-answer__original prewrap" data-testid="assistant-text">
            {text}
          </blockquote>
        </>
      ) : (
        <p class="assistant-answer__text prewrap" data-testid="assistant-text">
          {text}
        </p>
      )}
      {(action || detailsHref) && (
        <div class="button-row">
          {action && (
            <button type="button" class="button button--small" onClick={() => action.onChoose(answer.code)} data-testid="assistant-choose">
              {action.label}
            </button>
          )}
          {detailsHref && (
            <a class="button button--small button--secondary" href={detailsHref(answer.code)} data-testid="assistant-details">
              {t('assistant.details')}
            </a>
          )}
        </div>
      )}
      {answer.sections.map((section, i) => (
        <Section key={`${section.topic}-${i}`} section={section} code={answer.code} />
      ))}
      {answer.notes.length > 0 && (
        <details class="component-notes" data-testid="assistant-notes">
          <summary>{t('procedure.notes_count', { n: answer.notes.length })}</summary>
          <ul class="component-notes__list">
            {answer.notes.map((note, i) => (
              <li key={i} class="prewrap">
                {note}
              </li>
            ))}
          </ul>
        </details>
      )}
      {answer.source_url && (
        <p>
          <a href={answer.source_url} target="_blank" rel="noopener noreferrer" data-testid="assistant-source">
            {t('procedure.source')}
          </a>
        </p>
      )}
    </article>
  );
}

function TooFast({ failure }: { failure: ApiError }) {
  const { t } = useI18n();
  const n = failure.retryAfterSeconds;
  return (
    <div class="notice notice--error" role="alert" data-testid="assistant-busy">
      <p>{n !== null && n > 0 ? t('assistant.too_fast', { n }) : t('assistant.too_fast_soon')}</p>
    </div>
  );
}

export function AssistantPanel({
  id,
  preferLevel,
  action,
  detailsHref,
}: {
  id: string;
  // The counter's level, whose procedures come first; none on the citizen portal.
  preferLevel?: PreferLevel | undefined;
  action?: AssistantAction | undefined;
  detailsHref?: ((code: string) => string) | undefined;
}) {
  const { t, lang } = useI18n();
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [asked, setAsked] = useState<Asked | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const reply = useResource(
    () => (asked ? askAssistant(asked.q, { preferLevel }) : Promise.resolve(null)),
    [asked, preferLevel],
  );

  const ask = () => {
    const words = question.trim();
    if (!words) {
      setError(t('assistant.question_required'));
      return;
    }
    setError(undefined);
    setAsked({ q: words, words });
  };
  // Another procedure, with the same words: the server reads the national code in the question.
  const askAbout = (hit: ProcedureHit) => {
    const words = asked?.words ?? question.trim();
    setAsked({ q: words ? `${hit.code} ${words}` : hit.code, words });
    // The button pressed goes away with the answer: the keyboard goes on from the answer.
    result.current?.focus();
  };

  const data = reply.data ?? null;
  const answer = data?.answered ? data.answer : null;
  const others = answer && data ? (data.hits ?? []).filter((hit) => hit.code !== answer.code) : [];
  const suggestions = data && !answer ? (data.suggestions ?? []) : [];
  const message = data && !data.answered ? (lang === 'en' ? data.message_en || data.message : data.message || data.message_en) : null;
  const errorId = `${id}-question-error`;

  return (
    <div class="assistant">
      <div class="assistant__ask" role="search">
        <label for={`${id}-question`}>{t('assistant.question')}</label>
        <div class="assistant__row">
          <input
            id={`${id}-question`}
            type="search"
            value={question}
            onInput={(e) => {
              setQuestion(e.currentTarget.value);
              setError(undefined);
            }}
            onKeyDown={(e) => {
              // Enter asks (and must not send a form around the panel); not while a Vietnamese input method composes.
              if (e.key === 'Enter' && !e.isComposing) {
                e.preventDefault();
                ask();
              }
            }}
            placeholder={t('assistant.placeholder')}
            autoComplete="off"
            maxLength={500}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            data-testid="assistant-question"
          />
          <button type="button" class="button button--primary" onClick={ask} disabled={Boolean(asked) && reply.loading} data-testid="assistant-submit">
            {t('assistant.submit')}
          </button>
        </div>
        {error && (
          <p class="field__error" id={errorId} data-testid="assistant-question-error">
            {error}
          </p>
        )}
      </div>
      <div class="assistant__result" ref={result} tabIndex={-1} aria-live="polite" aria-busy={Boolean(asked) && reply.loading}>
        {asked && reply.loading && <Loading />}
        {reply.failure instanceof ApiError && reply.failure.status === 429 ? (
          <TooFast failure={reply.failure} />
        ) : (
          <FailureNotice failure={reply.failure} onRetry={reply.reload} testid="assistant-failure" />
        )}
        {data && <Understood phrases={data.understood} testid="assistant-understood" />}
        {data && answer && <Answer reply={data} answer={answer} action={action} detailsHref={detailsHref} />}
        {data && !answer && (
          <div class="notice notice--info" data-testid="assistant-message">
            <p>{message || t('procedure.none')}</p>
          </div>
        )}
        {suggestions.length > 0 && (
          <div class="assistant__more">
            <h4>{t('assistant.suggestions')}</h4>
            <HitButtons hits={suggestions} testid="assistant-suggestion" onAsk={askAbout} />
          </div>
        )}
        {others.length > 0 && (
          <div class="assistant__more">
            <h4>{t('assistant.others')}</h4>
            <HitButtons hits={others} testid="assistant-hit" onAsk={askAbout} />
          </div>
        )}
      </div>
    </div>
  );
}
