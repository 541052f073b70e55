import type { TFunction } from 'i18next';

/**
 * What an error page says, in the reader's language. Errors a person can act on keep the message
 * the service gave (the field and the rule, as the JSON API says them); the general ones are
 * translated: a missing page, a refused role, a busy database, our own failure.
 */
export function errorPageText(
  t: TFunction,
  status: number,
  message: string,
  { missingPage, field }: { missingPage: boolean; field?: string },
): { title: string; message: string } {
  if (missingPage) return { title: t('errors.notFoundTitle'), message: t('errors.notFound') };
  // The CSRF check names its field: the page was open too long (or from before a sign-in), not a role.
  if (status === 403 && field === '_csrf') return { title: t('errors.title'), message: t('errors.pageExpired') };
  if (status === 403) return { title: t('errors.title'), message: t('errors.forbidden') };
  if (status === 503) return { title: t('errors.title'), message: t('errors.busy') };
  if (status >= 500) return { title: t('errors.title'), message: t('errors.unexpected') };
  return { title: t('errors.title'), message };
}
