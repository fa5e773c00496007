/*
 * 未提交的填写内容. Tasklist draws a task's form anew from the task's variables whenever it is shown: after a switch
 * to 历史 or 办理操作 and back, after the page reloads (办理操作 such as 抄送 and 加签 reload it), after the session
 * expired and the reviewer signed in again. What was typed and not yet completed was lost unless the reviewer had
 * pressed 保存. Here what a reviewer types or chooses in a form is kept in this browser as it is typed, under the
 * reviewer's name and the task, and put back whenever that form is drawn again, with a line saying so.
 *
 * - Kept: text and number fields, text areas (the opinion), radio choices and check boxes; not dates picked in a
 *   calendar nor drop-down choices. Read-only and disabled fields are never kept.
 * - Another user of the same browser never gets the draft; it is dropped once its task is no longer the reviewer's
 *   (completed, or held by someone else), after 14 days without typing, and at logout (the login page after a logout forgets every draft:
 *   ../../../../../../js/forget-drafts.js).
 * Loaded by config.js (customScripts); it exports no plugin.
 */
import {beijingTime} from './review-api.js';

var PREFIX = 'renewal.formDraft:';
var KEEP_MS = 14 * 24 * 3600 * 1000;
var ENGINE = '/camunda/api/engine/engine/default';
var FORM = '.fjs-form';
var NOTICE_CLASS = 'renewal-draft-restored';

var me = fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(function (r) {
    return r.ok ? r.json() : null;
  })
  .then(function (user) {
    return user && user.userId ? user.userId : null;
  })
  .catch(function () {
    return null;
  });

var user = null;

/** While a draft is being put back: the form's own events then are not the reviewer's typing. */
var restoring = false;

function storageKey(userId, taskId) {
  return PREFIX + userId + ':' + taskId;
}

function currentTask() {
  var match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function load(key) {
  try {
    var draft = JSON.parse(window.localStorage.getItem(key));
    return draft && draft.fields ? draft : null;
  } catch (e) {
    return null;
  }
}

/** The form-js field id of an input: fjs-form-<form>-<field>, radio options ending in -<option>. */
function fieldOf(input) {
  var wrapper = input.closest('.fjs-form-field');
  if (!wrapper || !input.id || input.readOnly || input.disabled) {
    return null;
  }
  var kind = /\bfjs-form-field-(textfield|textarea|number|radio|checkbox)\b/.exec(wrapper.className);
  var match = /^fjs-form-[^-]+-(.+)$/.exec(input.id);
  if (!kind || !match) {
    return null;
  }
  if (kind[1] === 'radio') {
    var option = /^(.+)-(\d+)$/.exec(match[1]);
    return option ? {id: option[1], kind: 'radio', index: Number(option[2])} : null;
  }
  return {id: match[1], kind: kind[1] === 'checkbox' ? 'checkbox' : 'text'};
}

function labelOf(input) {
  var label = input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
  return label ? label.textContent.trim() : (input.parentNode ? input.parentNode.textContent.trim() : '');
}

function remember(event) {
  var input = event.target;
  if (restoring || !user || !input || !input.closest || !input.closest(FORM)) {
    return;
  }
  var taskId = currentTask();
  var field = fieldOf(input);
  if (!taskId || !field) {
    return;
  }
  var key = storageKey(user, taskId);
  var draft = load(key) || {fields: {}};
  if (field.kind === 'radio') {
    if (!input.checked) {
      return;
    }
    draft.fields[field.id] = {kind: 'radio', index: field.index, label: labelOf(input)};
  } else if (field.kind === 'checkbox') {
    draft.fields[field.id] = {kind: 'checkbox', checked: input.checked};
  } else {
    draft.fields[field.id] = {kind: 'text', value: input.value};
  }
  draft.at = Date.now();
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch (e) {
    // Storage full or refused (a private window): the form works as before, without a kept draft.
  }
}

function setText(input, value) {
  var proto = input.tagName === 'TEXTAREA' ? window.HTMLTextAreaElement.prototype : window.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, value);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

/**
 * Puts the draft into a form just drawn: choices first, then (once the form has drawn itself again after them) the
 * texts, which the form takes into its state a moment after their input event; a text the form drew over meanwhile is
 * put in once more. Calls {@code done} if anything was put back.
 */
function restore(form, draft, done) {
  var any = form.querySelector('[id^="fjs-form-"]');
  var formId = any ? /^fjs-form-([^-]+)-/.exec(any.id) : null;
  if (!formId) {
    return;
  }
  var element = function (id, suffix) {
    return document.getElementById('fjs-form-' + formId[1] + '-' + id + (suffix === undefined ? '' : '-' + suffix));
  };
  var editable = function (input) {
    return input && !input.readOnly && !input.disabled && document.body.contains(input);
  };
  var restored = false;
  var texts = [];
  restoring = true;
  Object.keys(draft.fields).forEach(function (id) {
    var kept = draft.fields[id];
    if (kept.kind === 'radio') {
      var option = element(id, kept.index);
      if (editable(option) && !option.checked && labelOf(option) === kept.label) {
        option.click();
        restored = true;
      }
    } else if (kept.kind === 'checkbox') {
      var box = element(id);
      if (editable(box) && box.checked !== kept.checked) {
        box.click();
        restored = true;
      }
    } else {
      texts.push(id);
    }
  });
  restoring = false;
  var putTexts = function () {
    var changed = false;
    restoring = true;
    try {
      texts.forEach(function (id) {
        var input = element(id);
        if (editable(input) && input.value !== draft.fields[id].value) {
          setText(input, draft.fields[id].value);
          changed = true;
        }
      });
    } finally {
      restoring = false;
    }
    return changed;
  };
  window.setTimeout(function () {
    if (putTexts() || restored) {
      done();
    }
    window.setTimeout(putTexts, 800);
  }, 100);
}

function restoreDrawnForms() {
  var taskId = currentTask();
  if (!user || !taskId) {
    return;
  }
  document.querySelectorAll(FORM).forEach(function (form) {
    if (form.getAttribute('data-renewal-draft') === taskId) {
      return;
    }
    form.setAttribute('data-renewal-draft', taskId);
    var draft = load(storageKey(user, taskId));
    if (draft) {
      restore(form, draft, function () {
        say(form, draft);
      });
    }
  });
}

function say(form, draft) {
  if (!form.parentNode || form.parentNode.querySelector('.' + NOTICE_CLASS)) {
    return;
  }
  var notice = document.createElement('p');
  notice.className = 'alert alert-info ' + NOTICE_CLASS;
  notice.setAttribute('role', 'status');
  notice.textContent = '已恢复您在本机于 ' + beijingTime(draft.at) + ' 填写而未提交的内容，请核对后再完成。';
  form.parentNode.insertBefore(notice, form);
}

/**
 * Drops drafts not typed into for KEEP_MS, and the user's own drafts of tasks no longer theirs to do: completed, or
 * held by someone else (a task in the body's pool, held by nobody, keeps its draft).
 */
function tidy() {
  var now = Date.now();
  var own = [];
  for (var i = window.localStorage.length - 1; i >= 0; i--) {
    var key = window.localStorage.key(i);
    if (!key || key.indexOf(PREFIX) !== 0) {
      continue;
    }
    var draft = load(key);
    if (!draft || !(now - draft.at < KEEP_MS)) {
      window.localStorage.removeItem(key);
    } else if (key.indexOf(PREFIX + user + ':') === 0) {
      own.push(key.substring((PREFIX + user + ':').length));
    }
  }
  if (!own.length) {
    return;
  }
  fetch(ENGINE + '/task?taskIdIn=' + own.map(encodeURIComponent).join(','), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  }).then(function (r) {
    if (!r.ok) {
      throw new Error(String(r.status));
    }
    return r.json();
  }).then(function (open) {
    var still = open.filter(function (t) {
      return !t.assignee || t.assignee === user;
    }).map(function (t) {
      return t.id;
    });
    own.forEach(function (taskId) {
      if (still.indexOf(taskId) < 0) {
        window.localStorage.removeItem(storageKey(user, taskId));
      }
    });
  }).catch(function () {
    // Not answered now: the drafts are kept and looked at again on the next visit.
  });
}

me.then(function (userId) {
  user = userId;
  if (!user) {
    return;
  }
  ['input', 'change'].forEach(function (type) {
    document.addEventListener(type, remember, true);
  });
  restoreDrawnForms();
  new MutationObserver(restoreDrawnForms).observe(document.body, {childList: true, subtree: true});
  tidy();
});
