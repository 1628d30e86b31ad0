// The API limits strings in UTF-8 bytes, not characters: a Vietnamese letter with its marks ("ễ") takes
// 3 bytes, so 300 bytes may be only 100 characters. See src/http/dossier_requests.h.
export const SHORT_TEXT_BYTES = 300; // names, identifiers, steps, references
export const LONG_TEXT_BYTES = 2000; // reasons, notes, comments, addresses, descriptions
export const FILE_REFERENCE_BYTES = 500; // a stored file's reference

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

// Whether `text`, as sent (trimmed), is over `maxBytes`.
export function isTooLong(text: string, maxBytes: number): boolean {
  return utf8Length(text.trim()) > maxBytes;
}
