/*
 * Admin configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/admin/scripts/config.js (Camunda 7.24.0), whose settings are all commented
 * out, with one addition: Camunda's sign-in view is replaced by the system's login page (../single-login.js).
 */
export default {
  customScripts: ['../single-login']
};
