/*
 * Tasklist configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/tasklist/scripts/config.js (Camunda 7.24.0): the same settings as the
 * default, with the Chinese locale (app/tasklist/locales/zh.json, provided by this application) as the only one:
 * Tasklist picks the first language of the browser if it is listed in availableLocales, and the fallback locale
 * otherwise, and the reviewers' own parts of it (办理操作, the list's working days, the forms) speak Chinese only, so
 * a browser set to English first would have shown them beside an English Tasklist. After a
 * logout Tasklist goes to the system's login page (customScripts). Cases start in the portal and review tasks come
 * from the models, so 发起流程 and 新建任务 are hidden (styles/user-styles.css) and the shortcut that opens the
 * start dialog is not bound; the shortcut descriptions show in Tasklist's help dialog, so they are in Chinese.
 */
export default {
  customScripts: [
    // Camunda's sign-in view is replaced by the system's login page (../single-login.js).
    '../single-login',
    // Camunda Forms' messages and dates in Chinese, Tasklist's raw errors, form links in a new tab.
    'scripts/chinese-forms',
    // 办理操作 on the open task, 撤回 and 抄送我的 in the navbar, 常用意见 in forms.
    'scripts/operations',
    // What is typed into a form and not yet completed, kept in this browser and put back when the form is drawn again.
    'scripts/form-drafts',
    // The list: working days left, 批量认领, sorting by 申报编号/企业/类型, 消息 badge, labels read too early.
    'scripts/worklist'
  ],

  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '转到过滤器列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '转到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '转到任务表单中的第一个输入框'
    }
  }
};
