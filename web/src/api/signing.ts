// Signatures (src/http/signing_api.h): how the server can sign, a leader signing the dossier's result, a file's
// signatures as the server judges them, and the electronic result of public tracking behind the receipt PIN.
// Every judgement (the verdicts, a signing request's state and expiry) is the server's; the screens only show it.
import { UPLOAD_TIMEOUT_MS, getJson, postJson, send } from './client';
import type { Dossier } from './types';

// "seal" and "token" sign at once; "remote" asks the leader's remote signing CA (VNPT SmartCA) and ends later,
// once the leader has confirmed on the phone (a signing request).
export type SigningMethod = 'seal' | 'token' | 'remote';

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

export function signResult(code: string, method: Exclude<SigningMethod, 'remote'>, pin: string): Promise<Dossier> {
  const body: Record<string, string> = { method };
  if (pin) body['pin'] = pin;
  return postJson<Dossier>(`/api/v1/dossiers/${encodeURIComponent(code)}/sign-result`, body);
}

// pending: waiting for the leader's confirmation; settling: the CA has answered and the server is finishing;
// then it ends signed (the signed copy attached as the result), rejected, expired or failed (`problem` says why).
export type SigningRequestState = 'pending' | 'settling' | 'signed' | 'rejected' | 'expired' | 'failed';

export interface SigningRequest {
  id: number;
  dossier_code: string;
  // The leader who asked.
  login: string;
  state: SigningRequestState;
  requested_at: string;
  // Past this, the server expires a request still pending.
  expires_at: string;
  settled_at: string | null;
  // signed: the signed copy's file id.
  signed_file: string | null;
  // failed: why, in Vietnamese.
  problem: string;
}

// Whether the request has yet to end (the server may still change its state).
export function isOpenSigningRequest(request: SigningRequest): boolean {
  return request.state === 'pending' || request.state === 'settling';
}

// Asks the leader's remote signing CA to sign the result (202): the request, pending. 409 naming "certificate"
// when the leader has no remote certificate valid today in the register, "code" when a request for the dossier
// is already waiting.
export function requestRemoteSignature(code: string): Promise<SigningRequest> {
  return postJson<SigningRequest>(`/api/v1/dossiers/${encodeURIComponent(code)}/sign-result`, { method: 'remote' });
}

// The request, settled first by the server if the CA has answered.
export function fetchSigningRequest(id: number): Promise<SigningRequest> {
  return getJson<SigningRequest>(`/api/v1/signing/requests/${id}`);
}

// The dossier's signing requests, newest last, each open one settled first.
export async function fetchDossierSigningRequests(code: string): Promise<SigningRequest[]> {
  return (await getJson<{ items: SigningRequest[] }>(`/api/v1/dossiers/${encodeURIComponent(code)}/signing-requests`)).items;
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
