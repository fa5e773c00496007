/*
 * One login page for the whole system. Camunda's own sign-in view (#/login) is closed on the server; the webapps
 * route to it after their logout (which the server turns into the end of the whole session) and when the session
 * has expired. Whenever that happens, go to the system's login page instead, saying "logged out" after a logout;
 * after an expired session, with the page and the place in it the user was at (a task, a filter), to which the login
 * returns (return-after-login.js on the login page, LoginSuccessHandler on the server).
 * Loaded by each webapp's config.js (customScripts); it exports no plugin.
 */
var LOGGED_OUT = 'renewal.loggedOut';
var LAST_PLACE = 'renewal.lastPlace';

function rememberPlace() {
  if (window.location.hash.indexOf('#/login') === 0) {
    return;
  }
  window.sessionStorage.setItem(LAST_PLACE, window.location.hash);
}

document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[cam-widget-header] li.logout')) {
    window.sessionStorage.setItem(LOGGED_OUT, 'true');
  }
}, true);

// Set once the login page is asked for: the webapp may route to #/login again before the browser leaves, and a
// second request must not replace the first (whose place was already taken from storage).
var leaving = false;

function toSystemLogin() {
  if (leaving || window.location.hash.indexOf('#/login') !== 0) {
    return;
  }
  leaving = true;
  var loggedOut = window.sessionStorage.getItem(LOGGED_OUT) === 'true';
  var place = window.sessionStorage.getItem(LAST_PLACE) || '';
  window.sessionStorage.removeItem(LOGGED_OUT);
  window.sessionStorage.removeItem(LAST_PLACE);
  window.location.replace(loggedOut ? '/login?logout'
    : '/login?expired&next=' + encodeURIComponent(window.location.pathname) + place);
}

window.addEventListener('hashchange', function () {
  rememberPlace();
  toSystemLogin();
});
rememberPlace();
toSystemLogin();
