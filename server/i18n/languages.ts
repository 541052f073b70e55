/** The interface languages, English first: it is the one used when nothing else fits. */
export const LANGUAGES = ['en', 'it', 'ru', 'ca'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The locale Intl formats dates and numbers with (English keeps the day-month-year order it always had). */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', it: 'it-IT', ru: 'ru-RU', ca: 'ca-ES' };
