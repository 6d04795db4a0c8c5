// "/units/{code}": the unit's period report (every field), its children, its series over the last twelve months and
// its place on its leaderboard, live over the leaderboard's SSE stream.
import { t, href } from './i18n.js';
import { get, query, watchLeaderboard, ApiError } from './api.js';
import { count, percent, score, instant, indicatorValue, movement } from './format.js';
import { renderTable, setFigure } from './table.js';
import { setUpPage, showError, clearError, setLiveState, csvLink, throttled } from './page.js';

const { period: asked } = setUpPage();
const code = decodeURIComponent(location.pathname.substring('/units/'.length));
const base = `/api/v1/stats/units/${encodeURIComponent(code)}`;
let period = asked;

const FIELDS = [
  ['received', [['received.carriedOver', 'carriedOver', count], ['received.new', 'receivedNew', count],
    ['received.online', 'online', count], ['received.direct', 'direct', count], ['received.postal', 'postal', count],
    ['received.totalToProcess', 'totalToProcess', count]]],
  ['ended', [['ended.early', 'early', count], ['ended.onTime', 'onTime', count], ['ended.late', 'late', count],
    ['ended.total', 'endedTotal', count]]],
  ['inProgress', [['inProgress.withinDeadline', 'withinDeadline', count], ['inProgress.overdue', 'overdue', count],
    ['inProgress.total', 'inProgressTotal', count]]],
  ['rates', [['onTimeRate', 'onTimeRate', percent], ['progressScore', 'progressScore', score],
    ['onlineShare', 'onlineShare', percent], ['digitizedShare', 'digitizedShare', percent],
    ['paidOnlineShare', 'paidOnlineShare', percent]]],
];

/** The drill-through figure of each count of the report (the API's figure names). */
const FIGURE_OF = {
  'received.carriedOver': 'carriedOver', 'received.new': 'receivedNew', 'received.online': 'online',
  'received.direct': 'direct', 'received.postal': 'postal', 'received.totalToProcess': 'totalToProcess',
  'ended.early': 'early', 'ended.onTime': 'onTime', 'ended.late': 'late', 'ended.total': 'ended',
  'inProgress.withinDeadline': 'withinDeadline', 'inProgress.overdue': 'overdue', 'inProgress.total': 'inProgress',
};

/** The page of the dossiers behind a count of a unit's report. */
export function dossiersHref(unitCode, figure, reportPeriod) {
  return href(`/units/${encodeURIComponent(unitCode)}/dossiers`, { figure, period: reportPeriod });
}

function field(report, path) {
  return path.split('.').reduce((value, name) => (value === null || value === undefined ? value : value[name]), report);
}

function renderReport(report) {
  const container = document.getElementById('report');
  container.replaceChildren();
  for (const [group, fields] of FIELDS) {
    const h3 = document.createElement('h3');
    h3.textContent = t(group);
    const dl = document.createElement('dl');
    dl.className = 'report';
    for (const [path, label, format] of fields) {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      dt.textContent = t(label);
      const dd = document.createElement('dd');
      dd.dataset.field = path;
      setFigure(dd, field(report, path), '');
      const text = format(field(report, path));
      if (FIGURE_OF[path]) {
        const a = document.createElement('a');
        a.href = dossiersHref(code, FIGURE_OF[path], period);
        a.textContent = text;
        dd.append(a);
      } else {
        dd.textContent = text;
      }
      div.append(dt, dd);
      dl.append(div);
    }
    container.append(h3, dl);
  }
  const waiting = document.getElementById('waiting-link');
  waiting.href = dossiersHref(code, 'waitingSupplement', period);
  container.dataset.loaded = 'true';
}

function renderChildren(answer) {
  const table = document.getElementById('children');
  document.getElementById('no-children').hidden = answer.children.length > 0;
  renderTable(table, [
    { key: 'unitCode', label: t('code'), value: (r) => r.unitCode },
    { key: 'unitName', label: t('unit'), value: (r) => r.unitName, link: (r) => href(`/units/${encodeURIComponent(r.unitCode)}`, { period }) },
    { key: 'level', label: t('level'), value: (r) => r.level, text: (r) => t(r.level) },
    { key: 'onTimeRate', label: t('onTimeRate'), value: (r) => r.onTimeRate, text: (r) => percent(r.onTimeRate), numeric: true },
    { key: 'progressScore', label: t('progressScore'), value: (r) => r.progressScore, text: (r) => score(r.progressScore), numeric: true },
    { key: 'received.totalToProcess', label: t('totalToProcess'), value: (r) => r.received.totalToProcess, text: (r) => count(r.received.totalToProcess), numeric: true },
    { key: 'ended.late', label: t('late'), value: (r) => r.ended.late, text: (r) => count(r.ended.late), numeric: true, link: (r) => dossiersHref(r.unitCode, 'late', period) },
    { key: 'inProgress.overdue', label: t('overdue'), value: (r) => r.inProgress.overdue, text: (r) => count(r.inProgress.overdue), numeric: true, link: (r) => dossiersHref(r.unitCode, 'overdue', period) },
    { key: 'received.new', label: t('receivedNew'), value: (r) => r.received.new, text: (r) => count(r.received.new), numeric: true },
  ], answer.children, (r) => r.unitCode);
  table.dataset.loaded = 'true';
}

/** Months as YYYY-MM: the twelve that end with the report's (the last one not after the figures' instant). */
function months(report) {
  const [year, month] = (report.asOf < report.to ? report.asOf : report.to).substring(0, 7).split('-').map(Number);
  // report.to is the exclusive end: its month is the next one unless the end is the instant of the figures
  const endsAtMonthStart = report.asOf >= report.to;
  let y = year;
  let m = endsAtMonthStart ? month - 1 : month;
  if (m === 0) { m = 12; y -= 1; }
  const to = `${y}-${String(m).padStart(2, '0')}`;
  m -= 11;
  while (m <= 0) { m += 12; y -= 1; }
  return { from: `${y}-${String(m).padStart(2, '0')}`, to };
}

function renderSeries(series) {
  const points = series.points;
  const width = 600;
  const height = 200;
  const barWidth = width / points.length;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 30}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'series-title');
  points.forEach((point, index) => {
    const x = index * barWidth + 4;
    if (point.onTimeRate !== null) {
      const rect = document.createElementNS(svg.namespaceURI, 'rect');
      const h = point.onTimeRate * (height - 20);
      rect.setAttribute('x', x);
      rect.setAttribute('y', height - h);
      rect.setAttribute('width', barWidth - 8);
      rect.setAttribute('height', h);
      svg.append(rect);
    }
    const value = document.createElementNS(svg.namespaceURI, 'text');
    value.setAttribute('x', x);
    value.setAttribute('y', point.onTimeRate === null ? height - 4 : height - point.onTimeRate * (height - 20) - 4);
    value.textContent = percent(point.onTimeRate);
    const label = document.createElementNS(svg.namespaceURI, 'text');
    label.setAttribute('x', x);
    label.setAttribute('y', height + 16);
    label.textContent = point.period;
    svg.append(value, label);
  });
  document.getElementById('chart').replaceChildren(svg);
  renderTable(document.getElementById('series'), [
    { key: 'period', label: t('month'), value: (r) => r.period },
    { key: 'onTimeRate', label: t('onTimeRate'), value: (r) => r.onTimeRate, text: (r) => percent(r.onTimeRate), numeric: true },
    { key: 'received.new', label: t('receivedNew'), value: (r) => r.received.new, text: (r) => count(r.received.new), numeric: true },
    { key: 'ended.total', label: t('endedTotal'), value: (r) => r.ended.total, text: (r) => count(r.ended.total), numeric: true },
  ], points, (r) => r.period);
}

function renderPlace(board) {
  const place = document.getElementById('place');
  const entry = board.entries.find((e) => e.unitCode === code);
  place.dataset.asOf = board.asOf;
  if (!entry) {
    setFigure(place, '', t('notRanked'));
    return;
  }
  place.replaceChildren();
  const rank = document.createElement('strong');
  rank.dataset.field = 'rank';
  setFigure(rank, entry.rank, `${t('rank')} ${count(entry.rank)}`);
  const value = document.createElement('span');
  value.dataset.field = 'value';
  setFigure(value, entry.value, `${t(board.indicator)}: ${indicatorValue(board.indicator, entry.value)}`);
  const move = document.createElement('span');
  move.dataset.field = 'movement';
  setFigure(move, entry.movement, `${t('movement')}: ${movement(entry.movement)}`);
  place.append(rank, ' · ', value, ' · ', move);
}

async function loadFigures() {
  const report = await get(query(base, { period }));
  period = report.period;
  setFigure(document.getElementById('period-shown'), period, period);
  setFigure(document.getElementById('as-of'), report.asOf, instant(report.asOf));
  renderReport(report);
  csvLink(document.getElementById('report-csv'), query(base, { period }));
  const childrenPath = query(`${base}/children`, { period });
  csvLink(document.getElementById('children-csv'), childrenPath);
  const { from, to } = months(report);
  const seriesPath = query(`${base}/series`, { granularity: 'month', from, to });
  csvLink(document.getElementById('series-csv'), seriesPath);
  const [children, series] = await Promise.all([get(childrenPath), get(seriesPath)]);
  renderChildren(children);
  renderSeries(series);
}

async function start() {
  let unit;
  try {
    unit = await get(`/api/v1/units/${encodeURIComponent(code)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      document.getElementById('unit-name').textContent = t('unitNotFound');
      document.title = t('unitNotFound');
      return;
    }
    throw error;
  }
  document.getElementById('unit-name').textContent = unit.name;
  document.getElementById('unit-level').textContent = `${t(unit.level)} · ${unit.code}`;
  document.title = `${unit.name} — dossier-stats`;
  const warning = document.getElementById('due-soon-form');
  warning.action = `/units/${encodeURIComponent(code)}/dossiers`;
  if (new URLSearchParams(location.search).get('lang') === 'en') {
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = 'lang';
    hidden.value = 'en';
    warning.append(hidden);
  }
  await loadFigures();
  clearError();
  const parameters = { level: unit.level, period, indicator: 'ON_TIME_RATE',
    parent: unit.level === 'PROVINCE' ? null : unit.parentCode };
  csvLink(document.getElementById('leaderboard-csv'), query('/api/v1/leaderboards', parameters));
  const reload = throttled(() => loadFigures().then(clearError, showError), 1000);
  let first = true;
  watchLeaderboard(parameters, (board) => {
    renderPlace(board);
    if (!first) reload();
    first = false;
  }, setLiveState);
}

start().catch(showError);
