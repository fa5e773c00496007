/*
 * Admin configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/admin/scripts/config.js (Camunda 7.24.0), whose settings are all commented
 * out (so Camunda's defaults apply), with two additions: Camunda's sign-in view is replaced by the system's login
 * page (../single-login.js), and Admin speaks Chinese (app/admin/locales/zh.json, provided by this application).
 * Admin picks the first language of the browser if it is listed in availableLocales, and the fallback otherwise.
 */
export default {
  customScripts: ['../single-login'],

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
