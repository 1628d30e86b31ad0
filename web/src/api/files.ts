// Document files (src/http/files_api.h): upload a scan or an attachment before the action that attaches it,
// list a dossier's files, and open one (the API needs the bearer token, so the browser cannot follow a plain
// link: the file is fetched, then shown from a blob: address).
import { UPLOAD_TIMEOUT_MS, getJson, send, withQuery } from './client';
import type { DossierFile, UploadedFile } from './types';

// What the server takes (src/domain/document_file.h), checked here first to spare a useless upload; the
// server checks the content itself.
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export type FileProblem = 'too_large' | 'wrong_type' | 'empty';

export function fileProblem(file: File): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'too_large';
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_TYPES.includes(file.type) && !byName) return 'wrong_type';
  return null;
}

export async function uploadFile(file: File): Promise<UploadedFile> {
  const type = ACCEPTED_TYPES.includes(file.type) ? file.type : 'application/octet-stream';
  const response = await send(withQuery('/api/v1/files', { name: file.name }), {
    method: 'POST',
    raw: new Blob([file], { type }),
    timeoutMs: UPLOAD_TIMEOUT_MS,
  });
  return response.json() as Promise<UploadedFile>;
}

export async function fetchDossierFiles(code: string): Promise<DossierFile[]> {
  return (await getJson<{ items: DossierFile[] }>(`/api/v1/dossiers/${encodeURIComponent(code)}/files`)).items;
}

// The file's bytes as a blob: address, for a new tab or a download link. The caller revokes it.
export async function fileUrl(id: string): Promise<string> {
  const response = await send(`/api/v1/files/${encodeURIComponent(id)}`, { timeoutMs: UPLOAD_TIMEOUT_MS });
  return URL.createObjectURL(await response.blob());
}
