// Every form that changes something (method post) is sent once: a second click or Enter while the answer is on its
// way is not sent again. Without this a double click sends the request twice; the server acts once (or refuses the
// repeat), but the browser shows the answer to the second request ("已经登记", "已审核") in place of the success.
(function () {
  var RELEASE_AFTER = 30000;
  function release(form) {
    delete form.dataset.submitting;
    form.removeAttribute('aria-busy');
    form.querySelectorAll('[data-held]').forEach(function (button) {
      button.disabled = false;
      button.removeAttribute('data-held');
      button.classList.remove('submitting');
    });
  }
  // Bubbling phase: a form's own confirmation (onsubmit="return confirm(…)") and the upload limits have spoken.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented || form.method !== 'post') return;
    // A form answered in another tab (查看 a message in Tasklist) leaves this page as it was.
    if (form.target === '_blank') return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.setAttribute('aria-busy', 'true');
    if (event.submitter) event.submitter.classList.add('submitting');
    // The buttons are disabled only after the browser has taken the form's values, the pressed button's among them.
    setTimeout(function () {
      if (!form.dataset.submitting) return;
      form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]').forEach(function (button) {
        if (!button.disabled) {
          button.disabled = true;
          button.setAttribute('data-held', '');
        }
      });
    }, 0);
    // Nobody is left with a dead form when the request was stopped (Esc, the stop button) or never answered.
    setTimeout(function () { release(form); }, RELEASE_AFTER);
  });
  // Back to a page kept in the browser's cache: its forms can be used again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) document.querySelectorAll('form[data-submitting]').forEach(release);
  });
})();
