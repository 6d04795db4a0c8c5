// "/units/{code}/dossiers": the dossiers behind one figure of the unit's report (?figure=&period=), or the early
// warning (?dueWithin=N working hours), paged. The count is the API's; the rows are the API's page.
import { t, href, lang } from './i18n.js';
import { get, query } from './api.js';
import { count, instant } from './format.js';
import { renderTable, setFigure } from './table.js';
import { setUpPage, showError, clearError, csvLink } from './page.js';

const { params } = setUpPage();
const code = decodeURIComponent(location.pathname.split('/')[2]);
const figure = params.get('figure');
const dueWithin = params.get('dueWithin');
const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
const size = 50;

function pageLink(number) {
  const parameters = Object.fromEntries(new URLSearchParams(location.search));
  delete parameters.lang;
  parameters.page = number;
  return href(location.pathname, parameters);
}

async function start() {
  const unit = await get(`/api/v1/units/${encodeURIComponent(code)}`);
  document.getElementById('unit-name').textContent = unit.name;
  const back = document.getElementById('back-to-unit');
  back.href = href(`/units/${encodeURIComponent(code)}`, { period: params.get('period') });
  back.textContent = unit.name;
  const path = dueWithin
    ? query(`/api/v1/units/${encodeURIComponent(code)}/due-soon`, { withinWorkingHours: dueWithin, page, size })
    : query(`/api/v1/stats/units/${encodeURIComponent(code)}/dossiers`, { figure, period: params.get('period'), page, size });
  document.getElementById('api-link').href = path;
  const answer = await get(path);
  const title = dueWithin
    ? `${t('dueSoon')} ${count(answer.withinWorkingHours)} ${t('workingHours')}`
    : `${t(figure)}${answer.period ? ` · ${answer.period}` : ''}`;
  document.getElementById('figure-title').textContent = title;
  document.title = `${title} — ${unit.name}`;
  setFigure(document.getElementById('count'), answer.count, count(answer.count));
  setFigure(document.getElementById('as-of'), answer.asOf, instant(answer.asOf));
  renderTable(document.getElementById('dossiers'), [
    { key: 'dossierId', label: t('dossierId'), value: (r) => r.dossierId, link: (r) => `/api/v1/dossiers/${encodeURIComponent(r.dossierId)}` },
    { key: 'unitCode', label: t('unit'), value: (r) => r.unitCode },
    { key: 'procedureCode', label: t('procedure'), value: (r) => r.procedureCode },
    { key: 'channel', label: t('channel'), value: (r) => r.channel, text: (r) => t(r.channel) },
    { key: 'status', label: t('status'), value: (r) => r.status, text: (r) => t(r.status) },
    { key: 'receivedAt', label: t('receivedAt'), value: (r) => r.receivedAt, text: (r) => instant(r.receivedAt) },
    { key: 'dueAt', label: t('dueAt'), value: (r) => r.dueAt, text: (r) => instant(r.dueAt) },
    { key: 'overdueSince', label: t('overdueSince'), value: (r) => r.overdueSince, text: (r) => (r.overdueSince ? instant(r.overdueSince) : t('none')) },
    { key: 'endedAt', label: t('endedAt'), value: (r) => r.endedAt, text: (r) => (r.endedAt ? instant(r.endedAt) : t('none')) },
    { key: 'classification', label: t('classification'), value: (r) => r.classification, text: (r) => (r.classification ? t(r.classification) : t('none')) },
  ], answer.dossiers, (r) => r.dossierId);
  document.getElementById('dossiers').dataset.loaded = 'true';
  const previous = document.getElementById('previous');
  const next = document.getElementById('next');
  previous.hidden = page === 0;
  previous.href = pageLink(page - 1);
  next.hidden = (page + 1) * size >= answer.count;
  next.href = pageLink(page + 1);
  document.getElementById('page-number').textContent = `${t('page')} ${count(page + 1)}`;
  document.documentElement.lang = lang;
  clearError();
}

start().catch(showError);
