/*
 * One login page for the whole system. Camunda's own sign-in view (#/login) is closed on the server; the webapps
 * route to it after their logout (which the server turns into the end of the whole session) and when the session
 * has expired. Whenever that happens, go to the system's login page instead, saying "logged out" after a logout.
 * Loaded by each webapp's config.js (customScripts); it exports no plugin.
 */
var LOGGED_OUT = 'renewal.loggedOut';

document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[cam-widget-header] li.logout')) {
    window.sessionStorage.setItem(LOGGED_OUT, 'true');
  }
}, true);

function toSystemLogin() {
  if (window.location.hash.indexOf('#/login') !== 0) {
    return;
  }
  var loggedOut = window.sessionStorage.getItem(LOGGED_OUT) === 'true';
  window.sessionStorage.removeItem(LOGGED_OUT);
  window.location.replace(loggedOut ? '/login?logout' : '/login');
}

window.addEventListener('hashchange', toSystemLogin);
toSystemLogin();
