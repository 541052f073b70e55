import { clientStrings, date, dateTime, formatNumber, sectionName, t } from '../../i18n/view-helpers.ts';
import { initial } from './initial.ts';

/** Every Handlebars helper, one per file (the ones in the reader's language live in server/i18n/). */
export const helpers = { clientStrings, date, dateTime, formatNumber, initial, sectionName, t };
