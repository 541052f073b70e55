import { DEFAULT_LANGUAGE, INTL_LOCALE, isLanguage, type Language } from './languages.ts';

/** Dates, times and numbers as the reader's language writes them (Intl); times are in UTC, as stored. */

const locale = (language: unknown) => INTL_LOCALE[isLanguage(language) ? language : DEFAULT_LANGUAGE];

function parse(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** "22 Nov 2026", "22 nov 2026", "22 нояб. 2026 г.", "22 de nov. del 2026". */
export function formatDate(value: unknown, language: Language | string): string {
  const parsed = parse(value);
  if (!parsed) return typeof value === 'string' ? value : '';
  return parsed.toLocaleDateString(locale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The date and the time: when several changes land on one day, the time tells them apart. */
export function formatDateTime(value: unknown, language: Language | string): string {
  const parsed = parse(value);
  if (!parsed) return typeof value === 'string' ? value : '';
  const time = parsed.toLocaleTimeString(locale(language), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${formatDate(value, language)}, ${time} UTC`;
}

/** 12,345 · 12.345 · 12 345. */
export function formatNumber(value: unknown, language: Language | string): string {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale(language)).format(n) : '';
}
