// Tables of figures: each cell keeps the API's raw value (data-value) beside its formatted text, and a column header
// is a button that sorts the rows by that raw value (keyboard usable; aria-sort says the order).
import { t } from './i18n.js';

/**
 * columns: [{key, label, value(row) → raw, text(row) → string, link(row) → href?, numeric}]
 */
export function renderTable(table, columns, rows, rowKey) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  let sorted = { key: null, ascending: true };

  columns.forEach((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = column.key;
    if (column.numeric) th.className = 'number';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = column.label;
    button.title = `${t('sortBy')} ${column.label}`;
    button.addEventListener('click', () => {
      sorted = { key: column.key, ascending: sorted.key === column.key ? !sorted.ascending : !column.numeric };
      head.querySelectorAll('th').forEach((cell) => cell.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', sorted.ascending ? 'ascending' : 'descending');
      fill([...rows].sort(compare(column, sorted.ascending)));
    });
    th.append(button);
    head.append(th);
  });

  function fill(ordered) {
    body.replaceChildren();
    ordered.forEach((row) => {
      const tr = body.insertRow();
      if (rowKey) tr.dataset.row = rowKey(row);
      columns.forEach((column, index) => {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) cell.scope = 'row';
        cell.dataset.field = column.key;
        const raw = column.value(row);
        cell.dataset.value = raw === null || raw === undefined ? '' : String(raw);
        if (column.numeric) cell.className = 'number';
        const text = column.text ? column.text(row) : String(raw ?? '');
        const target = column.link ? column.link(row) : null;
        if (target) {
          const a = document.createElement('a');
          a.href = target;
          a.textContent = text;
          cell.append(a);
        } else {
          cell.textContent = text;
        }
        tr.append(cell);
      });
    });
  }
  fill(rows);
}

function compare(column, ascending) {
  return (a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    // absent values last whatever the order
    if (x === null || x === undefined) return (y === null || y === undefined) ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return ascending ? order : -order;
  };
}

/** Sets an element's text and keeps the raw value beside it. */
export function setFigure(element, raw, text) {
  element.dataset.value = raw === null || raw === undefined ? '' : String(raw);
  element.textContent = text;
}
