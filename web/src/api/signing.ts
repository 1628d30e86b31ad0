// Signatures (src/http/signing_api.h): how the server can sign, a leader signing the dossier's result, a file's
// signatures as the server judges them, and the electronic result of public tracking behind the receipt PIN.
// Every judgement (the verdicts) is the server's; the screens only show it.
import { UPLOAD_TIMEOUT_MS, getJson, postJson, send } from './client';
import type { Dossier } from './types';

export type SigningMethod = 'seal' | 'token';

export interface CertificateFacts {
  common_name: string;
  subject: string;
  issuer: string;
  issuer_common_name: string;
  serial: string;
  not_before: string;
  not_after: string;
  sha256: string;
}

export type CertificateStanding = 'valid' | 'expires_soon' | 'expired' | 'not_yet_valid';

export interface SigningMethodInfo {
  method: SigningMethod;
  needs_pin: boolean;
  certificate?: CertificateFacts;
  // The seal's certificate today, as the server judges it (expires_soon: within 30 days of its end).
  standing?: CertificateStanding;
}

export type SignatureVerdict = 'valid' | 'unknown_root' | 'invalid';
export type FileVerdict = SignatureVerdict | 'unsigned';

export interface SignatureReport {
  field: string;
  verdict: SignatureVerdict;
  sub_filter: string;
  signer_name: string;
  reason: string;
  location: string;
  signing_time: string | null;
  intact: boolean;
  covers_whole_file: boolean;
  certificate_bound: boolean;
  certificate_valid_at_signing: boolean;
  trust: 'trusted' | 'unknown_root' | 'invalid';
  trust_problem: string;
  chain: CertificateFacts[];
  has_timestamp: boolean;
  has_revocation_data: boolean;
  problem: string;
}

export interface FileSignatures {
  file: string;
  verdict: FileVerdict;
  items: SignatureReport[];
}

export async function fetchSigningMethods(): Promise<SigningMethodInfo[]> {
  return (await getJson<{ items: SigningMethodInfo[] }>('/api/v1/signing/methods')).items;
}

export function signResult(code: string, method: SigningMethod, pin: string): Promise<Dossier> {
  const body: Record<string, string> = { method };
  if (pin) body['pin'] = pin;
  return postJson<Dossier>(`/api/v1/dossiers/${encodeURIComponent(code)}/sign-result`, body);
}

export function fetchFileSignatures(id: string): Promise<FileSignatures> {
  return getJson<FileSignatures>(`/api/v1/files/${encodeURIComponent(id)}/signatures`);
}

const trackedResult = (code: string) => `/api/v1/track/${encodeURIComponent(code)}/result`;

// The dossier's electronic result as a blob: address (the PIN goes in a header, never in an address).
export async function trackedResultUrl(code: string, pin: string): Promise<string> {
  const response = await send(trackedResult(code), { headers: { 'Receipt-Pin': pin }, timeoutMs: UPLOAD_TIMEOUT_MS });
  return URL.createObjectURL(await response.blob());
}

export async function fetchTrackedResultSignatures(code: string, pin: string): Promise<FileSignatures> {
  const response = await send(`${trackedResult(code)}/signatures`, { headers: { 'Receipt-Pin': pin } });
  return (await response.json()) as FileSignatures;
}
