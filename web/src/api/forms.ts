// Printed forms (src/http/forms_api.h): the server lays each form out as a PDF, the same page on every printer, and
// says which forms a dossier has (the dossier's "forms"). The API needs the bearer token, so the PDF is fetched and
// shown from a blob: address (as files.ts does).
import { UPLOAD_TIMEOUT_MS, send, withQuery } from './client';
import type { FormKind } from './types';

export type Paper = 'A4' | 'A5';

// A form of the dossier, as a blob: address; `sealed`: with the agency's electronic seal the server holds (for an
// official; the server refuses otherwise). The caller revokes it.
export async function formUrl(code: string, form: FormKind, paper: Paper, sealed = false): Promise<string> {
  const target = withQuery(`/api/v1/dossiers/${encodeURIComponent(code)}/forms/${form}`, {
    paper: paper.toLowerCase(),
    sign: sealed ? 'seal' : undefined,
  });
  const response = await send(target, { timeoutMs: UPLOAD_TIMEOUT_MS });
  return URL.createObjectURL(await response.blob());
}
