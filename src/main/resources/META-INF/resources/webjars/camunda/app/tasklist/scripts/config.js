/*
 * Tasklist configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/tasklist/scripts/config.js (Camunda 7.24.0): the same settings as the
 * default, plus the Chinese locale (app/tasklist/locales/zh.json, provided by this application). Tasklist picks
 * the first language of the browser if it is listed in availableLocales, and the fallback locale otherwise. After a
 * logout Tasklist goes to the system's login page (customScripts).
 */
export default {
  // Camunda's sign-in view is replaced by the system's login page (../single-login.js); 办理操作 (scripts/operations.js).
  customScripts: ['../single-login', 'scripts/operations'],

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
