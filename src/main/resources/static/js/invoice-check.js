// Subsidy form: warns next to a line whose invoice amount differs from quantity × unit price. A warning only (the
// server says the same on the case page); the invoice may include freight or a discount, and the county checks it.
(function () {
  function cents(text) {
    if (!text || !/^\s*\d+(\.\d{1,2})?\s*$/.test(text.replace(/,/g, ''))) return null;
    var parts = text.replace(/,/g, '').trim().split('.');
    return parseInt(parts[0], 10) * 100 + (parts[1] ? parseInt((parts[1] + '0').substring(0, 2), 10) : 0);
  }
  function yuan(c) {
    return (c / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function check(row) {
    var q = row.querySelector('[data-quantity]'), p = row.querySelector('[data-unit-price]'),
        a = row.querySelector('[data-invoice-amount]');
    if (!q || !p || !a) return;
    var cell = a.closest('td'), note = cell.querySelector('.invoice-warning');
    var quantity = /^\s*\d+\s*$/.test(q.value) ? parseInt(q.value, 10) : null;
    var price = cents(p.value), invoiced = cents(a.value);
    var differs = quantity !== null && price !== null && invoiced !== null && quantity * price !== invoiced;
    cell.classList.toggle('invoice-differs', differs);
    note.hidden = !differs;
    note.textContent = differs ? '与数量×单价 ' + yuan(quantity * price) + ' 元不一致，请核对' : '';
  }
  document.querySelectorAll('table.lines tbody tr').forEach(function (row) {
    row.addEventListener('input', function () { check(row); });
    check(row);
  });
})();
