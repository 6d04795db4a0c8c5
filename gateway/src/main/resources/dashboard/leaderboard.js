// A leaderboard as the API gives it: ranked entries with their movement, then the unranked units.
import { t, href } from './i18n.js';
import { count, indicatorValue, movement } from './format.js';
import { renderTable } from './table.js';

export function renderLeaderboard(board, rankedTable, unrankedTable, period) {
  const unitLink = (row) => href(`/units/${encodeURIComponent(row.unitCode)}`, { period });
  renderTable(rankedTable, [
    { key: 'rank', label: t('rank'), value: (r) => r.rank, text: (r) => count(r.rank), numeric: true },
    { key: 'unitName', label: t('unit'), value: (r) => r.unitName, link: unitLink },
    { key: 'value', label: t(board.indicator), value: (r) => r.value, text: (r) => indicatorValue(board.indicator, r.value), numeric: true },
    { key: 'volume', label: t('volume'), value: (r) => r.volume, text: (r) => count(r.volume), numeric: true },
    { key: 'movement', label: t('movement'), value: (r) => r.movement, text: (r) => movement(r.movement), numeric: true },
  ], board.entries, (r) => r.unitCode);
  renderTable(unrankedTable, [
    { key: 'unitName', label: t('unit'), value: (r) => r.unitName, link: unitLink },
    { key: 'value', label: t(board.indicator), value: (r) => r.value, text: (r) => indicatorValue(board.indicator, r.value), numeric: true },
    { key: 'volume', label: t('volume'), value: (r) => r.volume, text: (r) => count(r.volume), numeric: true },
  ], board.unranked, (r) => r.unitCode);
}
