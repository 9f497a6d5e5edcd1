// Copies a table for Word and Excel (the result, the comparison): HTML
// (Word keeps the table, Excel reads the numbers from x:num) and
// tab-separated text with plain numbers that Swedish Excel reads as numbers.
import * as format from './format.js';
import { t } from './i18n.js';
import { recipientName } from './views/recipients.js';
import { resultColumns, buildResultTable } from './views/result.js';

  // Text cells that Excel would take for a formula are kept as text.
  function guardText(text) {
    return /^[=+\-@\t\r\0]/.test(text) ? "'" + text : text;
  }

  // Lines of tab-separated cells: text cells (the first of each row, and
  // the header) guarded, the others plain numbers already.
  function tabLines(header, rows) {
    const clean = (s) => guardText(String(s).replace(/[\t\r\n]+/g, ' '));
    const lines = [header.map(clean).join('\t')];
    for (const [name, ...numbers] of rows) lines.push([clean(name)].concat(numbers).join('\t'));
    return lines.join('\r\n') + '\r\n';
  }

  function tabSeparated(result, scenario) {
    const columns = resultColumns(result, scenario);
    const header = [t('result.recipient')].concat(columns.map((c) => c.header + (c.note ? ' (' + c.note + ')' : '') + ' (kr)'));
    const rows = (result.recipients || []).map((row, r) => [row.name || recipientName((scenario.recipients || [])[r], r)]
      .concat(columns.map((c) => format.krPlain(c.value(row)))));
    rows.push([t('result.totals')].concat(columns.map((c) => (c.total === null || c.total === undefined ? '' : format.krPlain(c.total)))));
    return tabLines(header, rows);
  }

  // A table of the page, rebuilt detached, as HTML for Word and Excel:
  // without page classes; user text went in with textContent, so outerHTML
  // escapes it. Layout by plain attributes, not style: Chrome parses the
  // copied HTML in this page, whose CSP refuses inline styles.
  // amounts[r][c]: the öre in cell c + 1 of body-or-foot row r, null or
  // undefined for a cell that is not a number (the page's "–", a per cent).
  function tableHtml(table, amounts) {
    table.setAttribute('border', '1');
    table.setAttribute('cellpadding', '4');
    table.setAttribute('cellspacing', '0');
    const rowsOfAmounts = [...table.tBodies[0].rows, ...table.tFoot.rows];
    rowsOfAmounts.forEach((tr, r) => {
      tr.cells[0].setAttribute('x:str', '');
      amounts[r].forEach((value, c) => {
        const td = tr.cells[c + 1];
        const plain = format.oreToDecimalString(value);
        if (plain !== null && value !== null && value !== undefined) td.setAttribute('x:num', plain);
        td.setAttribute('align', 'right');
        td.setAttribute('nowrap', '');
      });
    });
    for (const el of [table, ...table.querySelectorAll('[class], [id], [data-user]')]) {
      el.removeAttribute('class');
      el.removeAttribute('id');
      el.removeAttribute('data-user');
    }
    for (const th of table.querySelectorAll('thead th')) th.setAttribute('align', 'left');
    return '<html><head><meta charset="utf-8"></head><body>' + table.outerHTML + '</body></html>';
  }

  function html(result, scenario) {
    const columns = resultColumns(result, scenario);
    const amounts = (result.recipients || []).map((row) => columns.map((column) => column.value(row)));
    amounts.push(columns.map((column) => column.total));
    return tableHtml(buildResultTable(result, scenario, {}), amounts);
  }

  // The comparison (compare()'s answer, with the labels of A and B) as its
  // table on the page shows it: tab-separated text and HTML.
  function comparisonText(cmp, labels) {
    const header = [t('result.recipient'), 'A: ' + labels.a + ' (kr)', 'B: ' + labels.b + ' (kr)', t('compare.diff') + ' (kr)', t('compare.diff_percent')];
    const line = (name, row, only) => [name, only === 'b' ? '' : format.krPlain(row.a_ore), only === 'a' ? '' : format.krPlain(row.b_ore),
      format.krPlain(row.diff_ore), format.decimalPlain(row.diff_percent)];
    const rows = cmp.recipients.map((row) => line(row.name, row, row.only_in));
    rows.push(line(t('result.totals'), cmp.totals || {}, null));
    return tabLines(header, rows);
  }

  function comparisonHtml(table, cmp) {
    const amounts = cmp.recipients.map((row) => [row.only_in === 'b' ? null : row.a_ore, row.only_in === 'a' ? null : row.b_ore, row.diff_ore, null]);
    const totals = cmp.totals || {};
    amounts.push([totals.a_ore, totals.b_ore, totals.diff_ore, null]);
    return tableHtml(table, amounts);
  }

  function copyWithEvent(htmlText, plainText) {
    let done = false;
    const onCopy = (event) => {
      if (htmlText) event.clipboardData.setData('text/html', htmlText);
      event.clipboardData.setData('text/plain', plainText);
      event.preventDefault();
      done = true;
    };
    // A hidden selection, since some browsers fire no copy event without one.
    const holder = document.createElement('div');
    holder.className = 'copy-holder';
    holder.textContent = plainText;
    document.body.appendChild(holder);
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(holder);
    selection.removeAllRanges();
    selection.addRange(range);
    document.addEventListener('copy', onCopy);
    try {
      done = document.execCommand('copy') && done;
    } catch (e) {
      done = false;
    } finally {
      document.removeEventListener('copy', onCopy);
      selection.removeAllRanges();
      holder.remove();
    }
    return done;
  }

  // Resolves true when the table was copied.
  function copyTable(htmlText, plainText) {
    if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
      const item = new ClipboardItem({
        'text/html': new Blob([htmlText], { type: 'text/html' }),
        'text/plain': new Blob([plainText], { type: 'text/plain' }),
      });
      return navigator.clipboard.write([item]).then(() => true, () => copyWithEvent(htmlText, plainText));
    }
    return Promise.resolve(copyWithEvent(htmlText, plainText));
  }

  function copyResult(result, scenario) {
    return copyTable(html(result, scenario), tabSeparated(result, scenario));
  }

  // table: the comparison's table, built detached for the copy.
  function copyComparison(table, cmp, labels) {
    return copyTable(comparisonHtml(table, cmp), comparisonText(cmp, labels));
  }

  // Resolves true when the text was copied.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyWithEvent(null, text));
    }
    return Promise.resolve(copyWithEvent(null, text));
  }

export { copyResult, copyComparison, copyText, tabSeparated, html, comparisonText, comparisonHtml };
