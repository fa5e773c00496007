/*
 * After a logout: forgets every form draft Tasklist's form-drafts.js kept in this browser (what reviewers typed into
 * a task's form and did not complete), so that whoever uses the browser next finds none.
 */
(function () {
  try {
    for (var i = window.localStorage.length - 1; i >= 0; i--) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf('renewal.formDraft:') === 0) {
        window.localStorage.removeItem(key);
      }
    }
  } catch (e) {
    // Storage refused (a private window): nothing was kept.
  }
})();
