// Printed forms (src/http/forms_api.h): the server lays each form out as a PDF, the same page on every printer.
// The API needs the bearer token, so the PDF is fetched and shown from a blob: address (as files.ts does).
import { UPLOAD_TIMEOUT_MS, send, withQuery } from './client';

export type Paper = 'A4' | 'A5';

// The receipt and appointment slip of a received dossier, as a blob: address. The caller revokes it.
export async function receiptSlipUrl(code: string, paper: Paper): Promise<string> {
  const target = withQuery(`/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt`, {
    paper: paper.toLowerCase(),
  });
  const response = await send(target, { timeoutMs: UPLOAD_TIMEOUT_MS });
  return URL.createObjectURL(await response.blob());
}
