// Every upload form: a file over the server's limits is refused here, before anything is sent. The server refuses
// such a request while reading it, before it can read the text typed beside the files, so the text would be lost.
(function () {
  var ONE = 10 * 1024 * 1024, ALL = 50 * 1024 * 1024;
  function problem(form) {
    var total = 0, large = [];
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) {
        total += file.size;
        if (file.size > ONE) large.push(file.name);
      });
    });
    if (large.length) return '以下文件超过 10 MB，请压缩后重新选择：' + large.join('、') + '。填写的内容仍在表单中，尚未提交。';
    if (total > ALL) return '所选文件合计超过 50 MB，请分次上传，或压缩后重新选择。填写的内容仍在表单中，尚未提交。';
    return null;
  }
  // Capture phase: before the form's own confirmation dialog, so that nobody confirms what cannot be sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.enctype !== 'multipart/form-data') return;
    var message = problem(form), before = form.previousElementSibling,
        note = before && before.classList.contains('upload-limit') ? before : null;
    if (!message) {
      if (note) note.remove();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (!note) {
      note = document.createElement('div');
      note.className = 'alert error upload-limit';
      note.setAttribute('role', 'alert');
      form.parentNode.insertBefore(note, form);
    }
    note.textContent = message;
    note.scrollIntoView({ block: 'center' });
  }, true);
})();
