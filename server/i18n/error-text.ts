import type { TFunction } from 'i18next';

/**
 * What an error page says, in the reader's language. Errors a person can act on keep the message
 * the service gave (the field and the rule, as the JSON API says them); the general ones are
 * translated: a missing page, a refused role, a busy database, our own failure.
 */
export function errorPageText(t: TFunction, status: number, message: string, missingPage: boolean): { title: string; message: string } {
  if (missingPage) return { title: t('errors.notFoundTitle'), message: t('errors.notFound') };
  if (status === 403) return { title: t('errors.title'), message: t('errors.forbidden') };
  if (status === 503) return { title: t('errors.title'), message: t('errors.busy') };
  if (status >= 500) return { title: t('errors.title'), message: t('errors.unexpected') };
  return { title: t('errors.title'), message };
}
