import { date } from './date.ts';
import { dateTime } from './date-time.ts';
import { initial } from './initial.ts';
import { plural } from './plural.ts';

/** Every Handlebars helper, one per file. */
export const helpers = { date, dateTime, initial, plural };
