// The 12-digit personal identification number (CCCD), checked as it is typed — the rules of
// src/domain/citizen_id.cc: 3 digits of the province where the birth was registered (the 63 pre-2025
// codes), a century/gender digit (0/1 = 1900s, 2/3 = 2000s, …), 2 digits of the birth year, 6 random
// digits; no checksum. The server checks again.

const PROVINCE_CODES = new Set(
  [
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033',
    '034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066',
    '067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096',
  ]
    .join(' ')
    .split(' '),
);

export type CitizenIdProblem = { kind: 'digits' } | { kind: 'province'; code: string } | { kind: 'future'; year: number };

// The first problem visible in what has been typed so far (a prefix is judged as far as it goes), or null.
// `complete`: the whole number is there to judge (on submit), so fewer than 12 digits is a problem too.
export function citizenIdProblem(text: string, complete: boolean, currentYear = new Date().getFullYear()): CitizenIdProblem | null {
  const digits = text.trim();
  if (!/^\d*$/.test(digits) || digits.length > 12) return { kind: 'digits' };
  if (digits.length >= 3 && !PROVINCE_CODES.has(digits.slice(0, 3))) return { kind: 'province', code: digits.slice(0, 3) };
  if (digits.length >= 6) {
    const century = Number(digits[3]);
    const year = 1900 + Math.floor(century / 2) * 100 + Number(digits.slice(4, 6));
    if (year > currentYear) return { kind: 'future', year };
  }
  if (complete && digits.length !== 12) return { kind: 'digits' };
  return null;
}

export function isCompleteCitizenId(text: string): boolean {
  return text.trim().length === 12 && citizenIdProblem(text, true) === null;
}
