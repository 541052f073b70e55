/** Each language named in itself, as a reader of that language looks for it ("Also in: Italiano"). */
const NATIVE_NAMES: Record<string, string> = {
  en: 'English',
  it: 'Italiano',
  ru: 'Русский',
  ca: 'Català',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
};

export function languageName(code: string): string {
  return NATIVE_NAMES[code] ?? code;
}
