// Numbers as the interface language writes them: vi-VN "1.234,5" (comma decimal), en "1,234.5" (point).
// Every figure on screen goes through here, so that one screen never mixes the two.
export type NumberLang = 'vi' | 'en';

const cache = new Map<string, Intl.NumberFormat>();

export function numberLocale(lang: NumberLang): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

// `digits`: the fraction digits, exactly (default 0); `upTo`: at most that many instead.
export function formatNumber(lang: NumberLang, n: number, options: { digits?: number; upTo?: number } = {}): string {
  const min = options.upTo !== undefined ? 0 : (options.digits ?? 0);
  const max = options.upTo ?? options.digits ?? 0;
  const key = `${lang}|${min}|${max}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(lang), { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, format);
  }
  return format.format(n);
}

// A percentage of the API (0–100): "83,1 %" / "83.1 %"; "—" when there was nothing to divide by.
export function formatPercent(lang: NumberLang, rate: number | null): string {
  return rate === null ? '—' : `${formatNumber(lang, rate, { upTo: 1 })} %`;
}

// A file size: "12,5 kB", "3,2 MB" (decimal units, as file managers show them).
export function formatBytes(lang: NumberLang, bytes: number): string {
  if (bytes < 1000) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1_000_000) return `${formatNumber(lang, bytes / 1000, { upTo: 1 })} kB`;
  return `${formatNumber(lang, bytes / 1_000_000, { upTo: 1 })} MB`;
}
