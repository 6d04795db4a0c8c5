// Formats figures exactly as the API gives them, in the reader's locale: nothing here computes a figure.
import { lang, locale, t } from './i18n.js';

const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const scores = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const instants = new Intl.DateTimeFormat(locale, {
  dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh',
});

export function count(value) {
  return value === null || value === undefined ? t('none') : counts.format(value);
}

/**
 * A rate or share of the API (in [0,1], 4 decimals) as a percentage with 2 decimals: 0.976 → "97,60 %" in Vietnamese
 * (with the no-break space Vietnamese typesetting puts before the sign, which some ICU data leaves out), "97.60%" in
 * English.
 */
export function percent(value) {
  if (value === null || value === undefined) return t('none');
  const parts = percents.formatToParts(value);
  if (lang === 'vi') {
    const sign = parts.findIndex((part) => part.type === 'percentSign');
    if (sign > 0 && parts[sign - 1].type !== 'literal') parts.splice(sign, 0, { type: 'literal', value: '\u00A0' });
  }
  return parts.map((part) => part.value).join('');
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
