// Every form that changes something (method post) is sent once: a second click or Enter while the answer is on its
// way is not sent again. Without this a double click sends the request twice; the server acts once (or refuses the
// repeat), but the browser shows the answer to the second request ("已经登记", "已审核") in place of the success.
(function () {
  var RELEASE_AFTER = 30000;
  // A slow line: 100 kB a second (50 MB in about eight and a half minutes).
  var UPLOAD_BYTES_PER_MS = 100;
  function uploading(form, bytes) {
    var note = form.querySelector('.upload-progress');
    if (!note) {
      note = document.createElement('p');
      note.className = 'hint upload-progress';
      note.setAttribute('role', 'status');
      form.appendChild(note);
    }
    var mb = bytes / (1024 * 1024);
    note.textContent = '正在上传文件（共 ' + (mb < 0.1 ? '不到 0.1' : mb.toFixed(1)) + ' MB），请勿关闭或刷新本页，上传完成后页面会自动显示结果。';
  }
  function release(form) {
    delete form.dataset.submitting;
    form.removeAttribute('aria-busy');
    var note = form.querySelector('.upload-progress');
    if (note) note.remove();
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
    // An upload takes as long as its files need on the enterprise's line: the button stays held for it (a click
    // meanwhile would start the upload anew and abort the first), and the page says what is under way.
    var bytes = 0;
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { bytes += file.size; });
    });
    if (bytes > 0) uploading(form, bytes);
    // Nobody is left with a dead form when the request was stopped (Esc, the stop button) or never answered.
    setTimeout(function () { release(form); }, RELEASE_AFTER + Math.ceil(bytes / UPLOAD_BYTES_PER_MS));
  });
  // Back to a page kept in the browser's cache: its forms can be used again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) document.querySelectorAll('form[data-submitting]').forEach(release);
  });
})();
