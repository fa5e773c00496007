// A form marked data-unsaved-warning (the application form: dozens of equipment or invoice lines typed by hand) asks
// before the page is left with changes not yet saved: 取消, a link of the page, the browser's back or close. What was
// refused by the server (data-dirty) counts as unsaved from the start. Sending the form itself is not asked about.
(function () {
  document.querySelectorAll('form[data-unsaved-warning]').forEach(function (form) {
    var dirty = form.dataset.dirty === 'true';
    var sending = false;
    function changed() { dirty = true; }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function (event) {
      // Another handler (a confirmation, the upload limits) may have stopped it; then nothing leaves the page.
      setTimeout(function () { sending = !event.defaultPrevented; }, 0);
      sending = true;
    });
    window.addEventListener('pageshow', function () { sending = false; });
    window.addEventListener('beforeunload', function (event) {
      if (!dirty || sending) return;
      event.preventDefault();
      // Browsers show their own words; the text is for the older ones that show it.
      event.returnValue = '填写的内容尚未保存，离开本页将会丢失。';
      return event.returnValue;
    });
  });
})();
