// "/": the 34 provinces for a period (default: the running month) and the provinces' leaderboard, live over SSE.
import { t, href } from './i18n.js';
import { get, query, watchLeaderboard } from './api.js';
import { count, percent, score, instant } from './format.js';
import { renderTable, setFigure } from './table.js';
import { renderLeaderboard } from './leaderboard.js';
import { setUpPage, showError, clearError, setLiveState, csvLink, throttled } from './page.js';

const { period: asked, params } = setUpPage();
const indicator = ['ON_TIME_RATE', 'PROGRESS_SCORE', 'ONLINE_SHARE'].includes(params.get('indicator'))
  ? params.get('indicator') : 'ON_TIME_RATE';
document.getElementById('indicator').value = indicator;
let period = asked;

const TOTALS = [
  ['received.new', 'receivedNew', count], ['received.totalToProcess', 'totalToProcess', count],
  ['ended.early', 'early', count], ['ended.onTime', 'onTime', count], ['ended.late', 'late', count],
  ['inProgress.withinDeadline', 'withinDeadline', count], ['inProgress.overdue', 'overdue', count],
  ['onTimeRate', 'onTimeRate', percent], ['progressScore', 'progressScore', score], ['onlineShare', 'onlineShare', percent],
];

async function loadTotals() {
  const path = query('/api/v1/stats/country', { period });
  csvLink(document.getElementById('totals-csv'), path);
  const report = await get(path);
  const list = document.getElementById('totals');
  list.replaceChildren();
  for (const [field, label, format] of TOTALS) {
    const value = field.split('.').reduce((v, name) => v[name], report);
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = t(label);
    const dd = document.createElement('dd');
    dd.dataset.field = field;
    setFigure(dd, value, format(value));
    div.append(dt, dd);
    list.append(div);
  }
  list.dataset.loaded = 'true';
}

/**
 * The provinces of the period are those of its leaderboard (ranked and unranked: the list is always complete), so
 * that the page follows the map of units the period has (reorganisations) without knowing it.
 */
async function loadProvinces() {
  const board = await get(query('/api/v1/leaderboards', { level: 'PROVINCE', period, indicator }));
  period = board.period;
  const codes = [...board.entries, ...board.unranked].map((unit) => unit.unitCode).sort();
  const reports = await Promise.all(codes.map((code) =>
    get(query(`/api/v1/stats/units/${encodeURIComponent(code)}`, { period }))));
  setFigure(document.getElementById('period-shown'), period, period);
  setFigure(document.getElementById('as-of'), reports[0]?.asOf, instant(reports[0]?.asOf));
  renderTable(document.getElementById('provinces'), [
    { key: 'unitCode', label: t('code'), value: (r) => r.unitCode },
    { key: 'unitName', label: t('unit'), value: (r) => r.unitName, link: (r) => href(`/units/${encodeURIComponent(r.unitCode)}`, { period }) },
    { key: 'onTimeRate', label: t('onTimeRate'), value: (r) => r.onTimeRate, text: (r) => percent(r.onTimeRate), numeric: true },
    { key: 'progressScore', label: t('progressScore'), value: (r) => r.progressScore, text: (r) => score(r.progressScore), numeric: true },
    { key: 'inProgress.overdue', label: t('overdue'), value: (r) => r.inProgress.overdue, text: (r) => count(r.inProgress.overdue), numeric: true, link: (r) => href(`/units/${encodeURIComponent(r.unitCode)}/dossiers`, { figure: 'overdue', period }) },
    { key: 'received.new', label: t('receivedNew'), value: (r) => r.received.new, text: (r) => count(r.received.new), numeric: true },
  ], reports, (r) => r.unitCode);
  document.getElementById('provinces').dataset.loaded = 'true';
  await loadTotals();
}

function openLeaderboard() {
  const parameters = { level: 'PROVINCE', period, indicator };
  csvLink(document.getElementById('leaderboard-csv'), query('/api/v1/leaderboards', parameters));
  const reload = throttled(() => loadProvinces().then(clearError, showError), 1000);
  let first = true;
  watchLeaderboard(parameters, (board) => {
    renderLeaderboard(board, document.getElementById('leaderboard'), document.getElementById('unranked'), period);
    document.getElementById('leaderboard').dataset.asOf = board.asOf;
    setFigure(document.getElementById('leaderboard-as-of'), board.asOf, instant(board.asOf));
    if (!first) reload(); // the figures moved: the provinces' table follows
    first = false;
  }, setLiveState);
}

loadProvinces().then(() => { clearError(); openLeaderboard(); }, showError);
