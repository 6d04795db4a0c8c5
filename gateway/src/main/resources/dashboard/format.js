// Formats figures exactly as the API gives them, in the reader's locale: nothing here computes a figure.
import { locale, t } from './i18n.js';

const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const scores = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const instants = new Intl.DateTimeFormat(locale, {
  dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh',
});

export function count(value) {
  return value === null || value === undefined ? t('none') : counts.format(value);
}

/** A rate or share of the API (in [0,1], 4 decimals) as a percentage with 2 decimals: 0.976 → "97,60 %". */
export function percent(value) {
  return value === null || value === undefined ? t('none') : percents.format(value);
}

export function score(value) {
  return value === null || value === undefined ? t('none') : scores.format(value);
}

export function instant(text) {
  return text ? instants.format(new Date(text)) : t('none');
}

/** An indicator's value as its kind is written: scores as points, rates and shares as percentages. */
export function indicatorValue(indicator, value) {
  return indicator === 'PROGRESS_SCORE' ? score(value) : percent(value);
}

/** The movement the API gives: ▲ 2 (up two places), ▼ 1, = (same), "new" (not ranked before). */
export function movement(value) {
  if (value === null || value === undefined) return t('movementNew');
  if (value > 0) return `▲ ${counts.format(value)}`;
  if (value < 0) return `▼ ${counts.format(-value)}`;
  return '=';
}
