/*
 * Back to where the user was after logging in. A Tasklist whose session expired sends its reviewer here with the
 * page (?next=) and the place in it (#/?task=…); a task's link opened while logged out arrives with its place as
 * this page's own fragment (the browser keeps it across the redirect). The server never sees a fragment, so it is
 * copied into the form, and kept in this tab for a second try after a wrong password. A fresh visit (nothing to
 * return to) or a logout forgets it. The server checks both values (LoginSuccessHandler).
 */
(function () {
  var KEY = 'renewal.returnAfterLogin';
  var form = document.querySelector('form.login-form');
  if (!form) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  var kept = null;
  try {
    kept = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
  } catch (e) {
    kept = null;
  }
  var fragment = window.location.hash.indexOf('#/') === 0 ? window.location.hash : null;
  var next = params.get('next');
  if (params.has('logout')) {
    window.sessionStorage.removeItem(KEY);
    return;
  }
  if (next || fragment) {
    kept = { next: next || null, fragment: fragment || null };
  } else if (!params.has('error')) {
    kept = null;
  }
  if (!kept) {
    window.sessionStorage.removeItem(KEY);
    return;
  }
  window.sessionStorage.setItem(KEY, JSON.stringify(kept));
  function field(name, value) {
    if (!value) {
      return;
    }
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  field('next', kept.next);
  field('fragment', kept.fragment);
})();
