/*
 * Chinese where Tasklist's translation files do not reach. Loaded by config.js (customScripts); exports no plugin.
 *
 * - Camunda Forms (form-js 1.x, bundled in lib/deps.js) has no translation hook: its validation messages ("Field is
 *   required.") are fixed English strings and the date picker (flatpickr) is English. They are translated where
 *   they appear, in the DOM, by exact text or pattern; anything unknown is left as it is.
 * - form-js formats dates in the pattern of `new Intl.DateTimeFormat('default')`, i.e. of the browser's language
 *   (mm/dd/yyyy in an English browser). Here 'default' means yyyy-MM-dd, the form the rest of the system uses;
 *   every other use of Intl.DateTimeFormat is untouched.
 * - Tasklist shows some errors of its data loading raw, e.g. "<task> <- No matching task with id …" when a task
 *   has been completed by someone else; those are said in Chinese. The server already answers most refusals of
 *   Camunda's REST API in Chinese (engine.rest.ErrorAnswers); an English engine text that still reaches one of
 *   Tasklist's notifications is said in Chinese too: a missing permission, a claim or change someone else made
 *   first, and anything else as a general failure (the English stays in the notification's title for support).
 * - Links in a form (the dossier link) open in a new tab, so an opinion typed into the form is not lost.
 */
var FORM = '.fjs-container, .fjs-form';
var CALENDAR = '.flatpickr-calendar';
var NOTICE = '.notifications, [notifications-panel], .alert';

var TASK_GONE = '该任务已不存在，或您无权查看（可能已由他人办理）。请刷新任务列表。';
var NOT_PERMITTED = '您没有执行此操作的权限；如确需办理，请联系系统管理员。';
var CLAIMED = '该任务已由他人认领，请刷新后查看。';
var CHANGED = '该任务刚刚已由他人办理或修改，请刷新后查看。';
var FAILED = '系统未能完成此操作，请刷新页面后重试；如仍不成功，请联系系统管理员。';

/** The message part of Tasklist's notifications (its title, e.g. 取消认领时出错, is from the translation file). */
var NOTICE_MESSAGE = '.notifications .message';

var FORM_MESSAGES = [
  [/^Field is required\.$/, '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少填写 $1 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, '最多填写 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求（$1）。'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, '请填写有效的电话号码（含国际区号，例如 +8663512345678）。'],
  [/^Value is not a number\.$/, '请填写数字。'],
  [/^Value is expected to be an integer\.$/, '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    '请填写有效的值，最接近的两个有效值为 $1 和 $2。'],
  [/^No results$/, '无匹配项'],
  [/^Search$/, '搜索'],
  [/^Select$/, '请选择'],
  [/^Submit$/, '提交'],
  [/^Reset$/, '重置']
];

var CALENDAR_WORDS = {
  January: '一月', February: '二月', March: '三月', April: '四月', May: '五月', June: '六月', July: '七月',
  August: '八月', September: '九月', October: '十月', November: '十一月', December: '十二月',
  Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六'
};

var NOTICE_MESSAGES = [
  [/^<\w+> <- (.*)$/, function (match, inner) {
    return translateNotice(inner) || inner;
  }],
  [/^[\s\S]*(No matching task|task is null|No task found for task id|Cannot find task with id)[\s\S]*$/, function () {
    return TASK_GONE;
  }],
  [/^[\s\S]*(does not have (one of the following permissions|[\s\S]*permission)|not authorized|Forbidden)[\s\S]*$/i,
    function () {
      return NOT_PERMITTED;
    }],
  [/^[\s\S]*(is already claimed|already has an assignee)[\s\S]*$/i, function () {
    return CLAIMED;
  }],
  [/^[\s\S]*(updated by another transaction|OptimisticLocking|concurrent)[\s\S]*$/i, function () {
    return CHANGED;
  }]
];

function translateNotice(text) {
  for (var i = 0; i < NOTICE_MESSAGES.length; i++) {
    var rule = NOTICE_MESSAGES[i];
    if (rule[0].test(text)) {
      return text.replace(rule[0], rule[1]);
    }
  }
  return null;
}

function translateForm(text) {
  for (var i = 0; i < FORM_MESSAGES.length; i++) {
    if (FORM_MESSAGES[i][0].test(text)) {
      return text.replace(FORM_MESSAGES[i][0], FORM_MESSAGES[i][1]);
    }
  }
  return null;
}

/** The Chinese for a text node's text in its place, or null. */
function chineseFor(text, parent) {
  var trimmed = text.trim();
  if (!trimmed || /[\u4e00-\u9fff]/.test(trimmed) && trimmed.indexOf('<-') < 0) {
    return null;
  }
  if (parent.closest(CALENDAR)) {
    return CALENDAR_WORDS[trimmed] || null;
  }
  if (parent.closest(FORM)) {
    return translateForm(trimmed);
  }
  if (parent.closest(NOTICE)) {
    return translateNotice(trimmed);
  }
  return null;
}

/**
 * A notification's message still in English once its texts are translated (an engine text no rule above knows)
 * becomes the general failure in Chinese; the English stays in its title, for whoever supports the user.
 */
function generalFailure(message) {
  var text = message.textContent.trim();
  if (/[A-Za-z]{2,}/.test(text) && !/[\u4e00-\u9fff]/.test(text)) {
    message.setAttribute('title', text);
    message.textContent = FAILED;
  }
}

function translateTextNode(node) {
  var parent = node.parentElement;
  if (!parent) {
    return;
  }
  var chinese = chineseFor(node.nodeValue, parent);
  if (chinese !== null && chinese !== node.nodeValue.trim()) {
    node.nodeValue = chinese;
  }
  var message = parent.closest(NOTICE_MESSAGE);
  if (message) {
    generalFailure(message);
  }
}

function translateAttributes(element) {
  if (element.matches('input[placeholder], textarea[placeholder]') && element.closest(FORM)) {
    var placeholder = translateForm(element.getAttribute('placeholder'));
    if (placeholder) {
      element.setAttribute('placeholder', placeholder);
    }
  }
  if (element.matches('a[href]') && element.closest(FORM)) {
    var href = element.getAttribute('href');
    if (href.charAt(0) !== '#' && element.getAttribute('target') !== '_blank') {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener');
    }
  }
}

function visit(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  root.querySelectorAll('input[placeholder], textarea[placeholder], a[href]').forEach(translateAttributes);
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    translateTextNode(node);
  }
}

new MutationObserver(function (mutations) {
  mutations.forEach(function (mutation) {
    if (mutation.type === 'characterData') {
      translateTextNode(mutation.target);
    }
    else if (mutation.type === 'attributes') {
      translateAttributes(mutation.target);
    }
    else {
      mutation.addedNodes.forEach(visit);
    }
  });
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder', 'href', 'target']
});
visit(document.documentElement);

/* yyyy-MM-dd for form-js: only a formatter made for the locale 'default' without options is replaced. */
var NativeDateTimeFormat = Intl.DateTimeFormat;

function two(n) {
  return (n < 10 ? '0' : '') + n;
}

function isoDateFormat() {
  var native = new NativeDateTimeFormat();
  return {
    formatToParts: function (date) {
      var d = date === undefined ? new Date() : new Date(date);
      return [
        { type: 'year', value: String(d.getFullYear()) },
        { type: 'literal', value: '-' },
        { type: 'month', value: two(d.getMonth() + 1) },
        { type: 'literal', value: '-' },
        { type: 'day', value: two(d.getDate()) }
      ];
    },
    format: function (date) {
      return this.formatToParts(date).map(function (part) { return part.value; }).join('');
    },
    resolvedOptions: function () {
      return native.resolvedOptions();
    }
  };
}

function DateTimeFormat(locales, options) {
  if (locales === 'default' && options === undefined) {
    return isoDateFormat();
  }
  return new NativeDateTimeFormat(locales, options);
}
DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = DateTimeFormat;
