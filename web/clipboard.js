// Copies the result table for Word and Excel: HTML (Word keeps the table,
// Excel reads the numbers from x:num) and tab-separated text with plain
// numbers that Swedish Excel reads as numbers.
(function (Fordela) {
  'use strict';

  const format = Fordela.format;
  const t = (...args) => Fordela.i18n.t(...args);

  // Text cells that Excel would take for a formula are kept as text.
  function guardText(text) {
    return /^[=+\-@\t\r\0]/.test(text) ? "'" + text : text;
  }

  function tabSeparated(result, scenario) {
    const columns = Fordela.views.resultColumns(result, scenario);
    const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ');
    const header = [t('result.recipient')].concat(columns.map((c) => c.header + (c.note ? ' (' + c.note + ')' : '') + ' (kr)'));
    const lines = [header.map((s) => guardText(clean(s))).join('\t')];
    (result.recipients || []).forEach((row, r) => {
      const name = row.name || Fordela.views.recipientName((scenario.recipients || [])[r], r);
      lines.push([guardText(clean(name))].concat(columns.map((c) => format.krPlain(c.value(row)))).join('\t'));
    });
    lines.push([t('result.totals')].concat(columns.map((c) => (c.total === null || c.total === undefined ? '' : format.krPlain(c.total)))).join('\t'));
    return lines.join('\r\n') + '\r\n';
  }

  // The page's table, rebuilt detached and without page classes; user text
  // went in with textContent, so outerHTML escapes it. Layout by plain
  // attributes, not style: Chrome parses the copied HTML in this page,
  // whose CSP refuses inline styles.
  function html(result, scenario) {
    const table = Fordela.views.buildResultTable(result, scenario, {});
    table.setAttribute('border', '1');
    table.setAttribute('cellpadding', '4');
    table.setAttribute('cellspacing', '0');
    const columns = Fordela.views.resultColumns(result, scenario);
    const rowsOfAmounts = [...table.tBodies[0].rows, ...table.tFoot.rows];
    const rows = result.recipients || [];
    rowsOfAmounts.forEach((tr, r) => {
      tr.cells[0].setAttribute('x:str', '');
      columns.forEach((column, c) => {
        const value = r < rows.length ? column.value(rows[r]) : column.total;
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
  function copyResult(result, scenario) {
    const htmlText = html(result, scenario);
    const plainText = tabSeparated(result, scenario);
    if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
      const item = new ClipboardItem({
        'text/html': new Blob([htmlText], { type: 'text/html' }),
        'text/plain': new Blob([plainText], { type: 'text/plain' }),
      });
      return navigator.clipboard.write([item]).then(() => true, () => copyWithEvent(htmlText, plainText));
    }
    return Promise.resolve(copyWithEvent(htmlText, plainText));
  }

  // Resolves true when the text was copied.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyWithEvent(null, text));
    }
    return Promise.resolve(copyWithEvent(null, text));
  }

  Fordela.clipboard = { copyResult, copyText, tabSeparated, html };
})(window.Fordela = window.Fordela || {});
