/*
 * Welcome page configuration of the Liaocheng equipment renewal approval system.
 * Replaces camunda-webapp-webjar's app/welcome/scripts/config.js (Camunda 7.24.0), whose settings are all
 * commented out, with the Chinese locale (app/welcome/locales/zh.json, provided by this application).
 *
 * The links section (Camunda's documentation by default) leads to the portal's page where staff change their own
 * password (/me/password): the profile's own 修改密码 and 编辑个人资料 would fail for everyone but administrators, who
 * alone may change identity records, so styles/user-styles.css hides them from everyone else.
 */
export default {
  // Camunda's sign-in view is replaced by the system's login page (../single-login.js).
  customScripts: ['../single-login'],

  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },

  links: [
    {
      label: '修改密码',
      href: '/me/password',
      description: '在门户修改本人的登录密码；姓名（单位、职务）印在审核意见和决定书上，由系统管理员维护'
    },
    {
      label: '门户首页',
      href: '/',
      description: '项目库、已办案件、统计、消息中心等'
    }
  ]
};
