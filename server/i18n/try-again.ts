import type { TFunction } from 'i18next';

/** "Too many failed sign-ins. Try again in 15 minutes.": the wait as Intl words it (i18next's relativetime). */
export function tryAgainIn(t: TFunction, seconds: number): string {
  return seconds < 60 ? t('login.throttledSeconds', { wait: seconds }) : t('login.throttledMinutes', { wait: Math.ceil(seconds / 60) });
}
