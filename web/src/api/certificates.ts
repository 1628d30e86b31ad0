// The register of officials' signing certificates (src/http/certificates_api.h): who holds which certificate,
// how (a USB token, or a remote signing CA and the official's account there), its standing today, the officials
// who cannot sign today, and whom the caller may register for. Whom the caller sees, every standing and every
// gap are the server's; the screens only show them.
import { getJson, postJson } from './client';
import type { CertificateStanding } from './signing';

export type CertificateHolding = 'token' | 'remote';

export interface OfficialCertificate {
  id: number;
  login: string;
  holding: CertificateHolding;
  // The official's account at the remote signing CA (SmartCA: the citizen ID number); "" for a token.
  remote_user: string;
  common_name: string;
  issuer: string;
  serial: string;
  sha256: string;
  not_before: string;
  not_after: string;
  standing: CertificateStanding;
  // Active and expired or ending within 30 days: what the alert lists.
  needs_renewal: boolean;
  added_by: string;
  added_at: string;
  retired_by: string | null;
  retired_at: string | null;
  active: boolean;
}

export type SigningGap = 'no_certificate' | 'expired' | 'not_yet_valid';

// An enabled official whose role approves results and who has no registered certificate valid today.
export interface OfficialUnableToSign {
  login: string;
  display_name: string;
  units: string[];
  gap: SigningGap;
}

export interface RegistrableOfficial {
  login: string;
  display_name: string;
}

export interface CertificateRoster {
  items: OfficialCertificate[];
  cannot_sign: OfficialUnableToSign[];
  // Whom the caller may register for (and retire for); empty: it only reads.
  may_register_for: RegistrableOfficial[];
}

export interface NewCertificate {
  login: string;
  holding: CertificateHolding;
  // Only for a remote holding.
  remote_user?: string;
  // PEM text, or the bytes of a .cer/.crt file as base64.
  certificate: string;
}

export function fetchCertificates(): Promise<CertificateRoster> {
  return getJson<CertificateRoster>('/api/v1/signing/certificates');
}

// No Idempotency-Key: registering the same certificate for the same official again is refused (409), not
// stored twice.
export function registerCertificate(certificate: NewCertificate): Promise<OfficialCertificate> {
  return postJson<OfficialCertificate>('/api/v1/signing/certificates', certificate);
}

// Retires a certificate (replaced, lost, revoked): it stays listed as retired; answers it as retired.
export function retireCertificate(id: number): Promise<OfficialCertificate> {
  return postJson<OfficialCertificate>(`/api/v1/signing/certificates/${id}/retire`, {});
}

// What a chosen .cer/.crt/.pem/.der file is sent as: its text when it is PEM, else its bytes as base64.
export async function certificateFileText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.replace(/^\uFEFF/, '').trimStart().startsWith('-----BEGIN')) return text;
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
