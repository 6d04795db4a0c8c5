// What both pages share: the header (language switch, period form), status messages, CSV links.
import { t, translate, otherLanguageHref, lang } from './i18n.js';

export function setUpPage() {
  translate();
  const switcher = document.getElementById('language');
  switcher.href = otherLanguageHref();
  switcher.hreflang = lang === 'en' ? 'vi' : 'en';
  const form = document.getElementById('period-form');
  const params = new URLSearchParams(location.search);
  form.elements.period.value = params.get('period') ?? '';
  if (lang === 'en') {
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = 'lang';
    hidden.value = 'en';
    form.append(hidden);
  }
  return { period: params.get('period') || null, params };
}

export function showError(error) {
  const box = document.getElementById('status');
  box.hidden = false;
  box.textContent = `${t('error')}: ${error.message}`;
}

export function clearError() {
  const box = document.getElementById('status');
  box.hidden = true;
  box.textContent = '';
}

export function setLiveState(state) {
  const element = document.getElementById('live');
  element.dataset.state = state;
  element.textContent = state === 'live' ? `● ${t('live')}` : `○ ${t('reconnecting')}`;
}

/** The CSV of an API read: the same path with format=csv. */
export function csvLink(element, apiPath) {
  const url = new URL(apiPath, location.origin);
  url.searchParams.set('format', 'csv');
  element.href = url.pathname + url.search;
}

/** Calls fn at most once per wait, the last call winning: a burst of leaderboard events is one reload. */
export function throttled(fn, wait) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => { timer = null; fn(); }, wait);
  };
}
