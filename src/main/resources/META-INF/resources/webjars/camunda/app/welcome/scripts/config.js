/*
 * Welcome page configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/welcome/scripts/config.js (Camunda 7.24.0), whose settings are all
 * commented out, with the Chinese locale (app/welcome/locales/zh.json, provided by this application).
 */
export default {
  // Camunda's sign-in view is replaced by the system's login page (../single-login.js).
  customScripts: ['../single-login'],

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
