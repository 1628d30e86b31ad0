// The questions assistant (GET /api/v1/assistant, public and rate-limited): a question in plain words, answered
// from the catalogue — or not, when the server is not confident.
import { getJson, withQuery } from './client';
import type { AssistantReply, PreferLevel } from './types';

// The reply carries both languages (text and text_en, message and message_en): the screen picks one.
export function askAssistant(q: string, options: { preferLevel?: PreferLevel | undefined }): Promise<AssistantReply> {
  return getJson<AssistantReply>(withQuery('/api/v1/assistant', { q, prefer_level: options.preferLevel }));
}
