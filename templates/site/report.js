// gk 统计报告：点击表头排序（第一次点击把最好的排在前面），打印时展开全部缺失事项。
// Sortable tables (the first click puts the best first) and every list opened for printing.
(function () {
  'use strict';
  function key(cell) {
    var v = cell.getAttribute('data-sort');
    if (v === null) v = cell.textContent.trim();
    var n = Number(v);
    return v !== '' && !isNaN(n) ? { n: n } : { s: v };
  }
  // Blank cells go last whichever way a column is sorted.
  function cmp(a, b, dir) {
    var sign = dir === 'ascending' ? 1 : -1;
    if (a.n !== undefined && b.n !== undefined) return sign * (a.n - b.n);
    if (a.s === '' && b.s !== '') return 1;
    if (b.s === '' && a.s !== '') return -1;
    if (a.n !== undefined) return -1;
    if (b.n !== undefined) return 1;
    return sign * a.s.localeCompare(b.s, document.documentElement.lang);
  }
  var buttons = [];
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      buttons.push(button);
      button.addEventListener('click', function () {
        var now = th.getAttribute('aria-sort');
        var best = th.getAttribute('data-best') === 'desc' ? 'descending' : 'ascending';
        var dir = now === null ? best : now === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, i) { r.__order = i; });
        rows.sort(function (x, y) { return cmp(key(x.cells[col]), key(y.cells[col]), dir) || x.__order - y.__order; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  // Browsers that print closed <details> closed: open them for printing, close them again after. Chromium leaves the
  // text of buttons out of a table header it repeats on a new page: the headers print as plain text.
  var opened = [];
  var unwrapped = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
    buttons.forEach(function (button) {
      var th = button.parentNode;
      if (!th) return;
      while (button.firstChild) th.insertBefore(button.firstChild, button);
      th.removeChild(button);
      unwrapped.push({ th: th, button: button });
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
    unwrapped.forEach(function (u) {
      while (u.th.firstChild) u.button.appendChild(u.th.firstChild);
      u.th.appendChild(u.button);
    });
    unwrapped = [];
  });
})();
