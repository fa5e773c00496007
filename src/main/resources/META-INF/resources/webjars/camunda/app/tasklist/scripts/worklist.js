/*
 * Tasklist's list for reviewers (loaded by config.js):
 * - next to each task's due date, the case's county (所在县市区, from the application record), 补正后重新提交 or 退回重办
 *   when the step has the case again, and the working days left (剩余 N 个工作日 / 今日到期 / 已超期 N 个工作日),
 *   counted by the application on the China working-day calendar when the list is shown, or 暂停办理 with the reason
 *   for a step held for now (the payment while a clawback holds it: not overdue, Tasklist's red due date toned down);
 *   all asked in one call for the visible cards (/api/review/tasks/cards answers only for tasks the caller may see);
 * - a check box on each task the reviewer may claim (the cards' answer says which) and 批量认领 above the list
 *   (/api/review/tasks/claim, each task checked on the server);
 * - 排序 by 申报编号, 申报企业, 申报类型 or 截止日期 in one click (Tasklist's own sorting by task variable, which
 *   otherwise asks for a variable name and type);
 * - 消息 in the navbar: the unread count of the message centre, refreshed every minute while the tab is seen and
 *   when it is seen again, linking to /messages; beside it 门户 (the portal's start page), 已办 and 修改密码 (the
 *   portal's page for one's own password: Camunda's profile page cannot change it for reviewers);
 * - the number of tasks of every filter, not only of the selected one (Tasklist counts that one only, so a reviewer
 *   on 我的待办 (0) saw nothing of the department's unclaimed work), from the engine's own filter counts, refreshed
 *   every minute while the tab is seen, when it is seen again and when another filter is chosen;
 * - Tasklist's labels that were read before its Chinese texts had loaded (raw keys such as CREATION_DATE, or a
 *   variable name in a sorting pill) replaced by the Chinese text.
 * Calls of the application's API go through review-api.js, as in operations.js.
 */
import {answer, call, el} from './review-api.js';

var REFRESH_MS = 60000;
var RESULT_KEY = 'renewal.batchClaim.result';

/** The task variables reviewers sort and search by, with their labels (tasklist module's ReviewerFilter). */
var CASE_VARIABLES = {
  referenceNo: '申报编号',
  enterpriseName: '申报企业',
  kindName: '申报类型',
  applicationTitle: '申报事项'
};

function get(url) {
  return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(answer);
}

function seen() {
  return !document.hidden;
}

/**
 * Asks now, then every REFRESH_MS while the tab is seen, and at once when it is seen again: a Tasklist left open all day
 * in a hidden tab asks for nothing (with many open cases a round of counts costs the database about a second,
 * docs/performance.md).
 */
function whileSeen(ask) {
  ask();
  window.setInterval(function () {
    if (seen()) {
      ask();
    }
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', function () {
    if (seen()) {
      ask();
    }
  });
}

/* ---------- county, 补正/退回 and working days left, next to the due date of each card ---------- */

var pending = {};
var pendingTimer = null;

function cardOf(node) {
  return node.closest ? node.closest('li.task') : null;
}

function askCard(taskId, card) {
  pending[taskId] = card;
  if (pendingTimer) {
    return;
  }
  pendingTimer = window.setTimeout(function () {
    var cards = pending;
    pending = {};
    pendingTimer = null;
    var ids = Object.keys(cards);
    call('GET', '/tasks/cards?ids=' + ids.map(encodeURIComponent).join(',')).then(function (list) {
      list.forEach(function (c) {
        showCase(cards[c.taskId], c);
        showCheckbox(cards[c.taskId], c.taskId, c.claimable);
        if (c.remaining) {
          showRemaining(cards[c.taskId], c.remaining);
        } else {
          cards[c.taskId].classList.remove('renewal-held-card');
        }
      });
    }).catch(function () {
      // Without the figures the card still shows Tasklist's own due date.
    });
  }, 150);
}

/** The card's line of our own tags, above Tasklist's dates: county, labels, working days left. */
function tagLine(card) {
  var dates = card && card.querySelector('.dates');
  if (!dates) {
    return null;
  }
  var line = dates.querySelector('.renewal-card-tags');
  if (!line) {
    line = el('div', {'class': 'renewal-card-tags'});
    dates.insertBefore(line, dates.firstChild);
  }
  return line;
}

function showCase(card, c) {
  var line = tagLine(card);
  if (!line) {
    return;
  }
  line.querySelectorAll('.renewal-county, .renewal-again').forEach(function (old) {
    old.parentNode.removeChild(old);
  });
  var before = line.querySelector('.renewal-remaining');
  if (c.county) {
    line.insertBefore(el('span', {'class': 'renewal-county', title: '所在县市区：' + c.county + '（按申报记录）', text: c.county}), before);
  }
  (c.labels || []).forEach(function (label) {
    var kind = label.kind === 'RETURNED' ? 'renewal-again-returned' : 'renewal-again-corrected';
    line.insertBefore(el('span', {'class': 'renewal-again ' + kind, title: label.detail, text: label.text}), before);
  });
}

function showRemaining(card, r) {
  var line = tagLine(card);
  if (!line) {
    return;
  }
  var shown = line.querySelector('.renewal-remaining');
  if (!shown) {
    shown = el('span', {'class': 'renewal-remaining'});
    line.appendChild(shown);
  }
  shown.textContent = r.text;
  var due = '截止日期：' + new Date(r.due).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai'});
  if (r.held) {
    // Held (the payment while a clawback holds it): not overdue, whatever the recorded due date; Tasklist's own red
    // due date is toned down too (styles: .renewal-held-card).
    shown.className = 'renewal-remaining renewal-held';
    shown.setAttribute('title', r.held + '\n' + due + '（暂停期间不计；如恢复办理，办理期限自恢复之日起重新计算）');
    card.classList.add('renewal-held-card');
    return;
  }
  card.classList.remove('renewal-held-card');
  shown.className = 'renewal-remaining ' + (r.overdue ? 'renewal-overdue' : (r.workingDays <= 2 ? 'renewal-due-soon' : 'renewal-on-time'));
  shown.setAttribute('title', due + '（按法定工作日计算）');
}

/* ---------- selection and 批量认领 ---------- */

var selected = {};
var toolbar = null;

function selectedIds() {
  return Object.keys(selected).filter(function (id) {
    return selected[id];
  });
}

/** A check box on the card only where the caller may claim the task (the card's answer says): a lead reading a body's task gets none. */
function showCheckbox(card, taskId, claimable) {
  var names = card && card.querySelector('.names');
  if (!names) {
    return;
  }
  var box = names.querySelector('input.renewal-select');
  if (box && box.getAttribute('data-task') === taskId && claimable) {
    return;
  }
  if (box) {
    box.parentNode.removeChild(box);
  }
  if (!claimable) {
    delete selected[taskId];
    updateToolbar();
    return;
  }
  box = el('input', {type: 'checkbox', 'class': 'renewal-select', 'data-task': taskId, 'aria-label': '选择该任务以批量认领', title: '选择该任务以批量认领'});
  box.checked = !!selected[taskId];
  box.addEventListener('click', function (e) {
    e.stopPropagation();
  });
  box.addEventListener('change', function () {
    selected[taskId] = box.checked;
    updateToolbar();
  });
  names.insertBefore(box, names.firstChild);
  updateToolbar();
}

function updateToolbar() {
  if (!toolbar) {
    return;
  }
  var n = selectedIds().length;
  toolbar.claim.disabled = n === 0;
  // Grey until something is selected: the disabled primary colour would read as an error.
  toolbar.claim.className = 'btn btn-sm renewal-batch-claim ' + (n ? 'btn-primary' : 'btn-default');
  toolbar.claim.textContent = n ? '批量认领（已选 ' + n + ' 项）' : '批量认领';
  // Nothing on the page the reviewer may claim (a lead's list of the body's tasks, or only claimed ones): nothing to select.
  var boxes = document.querySelectorAll('input.renewal-select').length > 0;
  toolbar.all.disabled = !boxes;
  toolbar.none.disabled = !boxes;
  toolbar.all.title = boxes ? '选择本页尚未被认领的任务' : '本页没有您可以认领的任务';
}

function showResult(box, outcome) {
  box.textContent = '';
  box.className = 'alert ' + (outcome.refused ? (outcome.claimed ? 'alert-warning' : 'alert-danger') : 'alert-success') + ' renewal-claim-result';
  box.appendChild(el('strong', {text: '已认领 ' + outcome.claimed + ' 项' + (outcome.refused ? '，未认领 ' + outcome.refused + ' 项' : '') + '。'}));
  var list = el('ul', {});
  outcome.results.forEach(function (r) {
    var what = r.referenceNo ? r.referenceNo + (r.taskName ? ' ' + r.taskName : '') : (r.taskName || '任务 ' + r.taskId);
    list.appendChild(el('li', {'class': r.claimed ? 'renewal-claimed' : 'renewal-refused', text: what + '：' + r.message}));
  });
  box.appendChild(list);
  var close = el('button', {type: 'button', 'class': 'close', 'aria-label': '关闭', text: '×'});
  close.addEventListener('click', function () {
    box.textContent = '';
    box.className = 'renewal-claim-result';
  });
  box.insertBefore(close, box.firstChild);
}

function sortBy(variable) {
  var sorting;
  if (variable === 'due') {
    sorting = [{sortBy: 'dueDate', sortOrder: 'asc'}];
  } else {
    sorting = [{sortBy: 'taskVariable', sortOrder: 'asc', parameters: {variable: variable, type: 'String'}}];
  }
  var hash = window.location.hash || '#/';
  var path = hash.split('?')[0];
  var params = new URLSearchParams(hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '');
  params.set('sorting', JSON.stringify(sorting));
  params.delete('page');
  window.location.hash = path.substring(1) + '?' + params.toString();
}

function listToolbar(node) {
  var claim = el('button', {type: 'button', 'class': 'btn btn-default btn-sm renewal-batch-claim', text: '批量认领'});
  var all = el('button', {type: 'button', 'class': 'btn btn-default btn-sm renewal-select-all', text: '全选本页待认领', title: '选择本页尚未被认领的任务'});
  var none = el('button', {type: 'button', 'class': 'btn btn-default btn-sm renewal-select-none', text: '取消选择'});
  var sort = el('select', {'class': 'form-control input-sm renewal-sort', 'aria-label': '排序'}, [
    el('option', {value: '', text: '排序…'}),
    el('option', {value: 'due', text: '按截止日期（最急的在前）'}),
    el('option', {value: 'referenceNo', text: '按申报编号'}),
    el('option', {value: 'enterpriseName', text: '按申报企业'}),
    el('option', {value: 'kindName', text: '按申报类型'})
  ]);
  var result = el('div', {'class': 'renewal-claim-result', role: 'status'});
  claim.disabled = true;
  claim.addEventListener('click', function () {
    var ids = selectedIds();
    if (!ids.length) {
      return;
    }
    claim.disabled = true;
    call('POST', '/tasks/claim', {taskIds: ids}).then(function (outcome) {
      selected = {};
      try {
        window.sessionStorage.setItem(RESULT_KEY, JSON.stringify(outcome));
      } catch (e) {
        // no storage: the result is shown until the reload only
      }
      showResult(result, outcome);
      window.setTimeout(function () {
        window.location.reload();
      }, 2500);
    }).catch(function (e) {
      result.className = 'alert alert-danger renewal-claim-result';
      result.textContent = e.message;
      updateToolbar();
    });
  });
  all.addEventListener('click', function () {
    // The page's tasks nobody holds yet: a claimed one would only be reported back as claimed.
    document.querySelectorAll('input.renewal-select').forEach(function (box) {
      var card = cardOf(box);
      if (card && card.querySelector('h5.assignee')) {
        return;
      }
      box.checked = true;
      selected[box.getAttribute('data-task')] = true;
    });
    updateToolbar();
  });
  none.addEventListener('click', function () {
    selected = {};
    document.querySelectorAll('input.renewal-select').forEach(function (box) {
      box.checked = false;
    });
    updateToolbar();
  });
  sort.addEventListener('change', function () {
    if (sort.value) {
      sortBy(sort.value);
      sort.value = '';
    }
  });
  node.appendChild(el('div', {'class': 'renewal-list-toolbar'}, [claim, all, none, sort]));
  node.appendChild(result);
  toolbar = {claim: claim, all: all, none: none};
  updateToolbar();
  try {
    var last = window.sessionStorage.getItem(RESULT_KEY);
    if (last) {
      window.sessionStorage.removeItem(RESULT_KEY);
      showResult(result, JSON.parse(last));
    }
  } catch (e) {
    // nothing kept
  }
}

/* ---------- 消息 in the navbar ---------- */

function messageBadge(node) {
  var count = el('span', {'class': 'badge renewal-unread-count'});
  var link = el('a', {href: '/messages', target: '_blank', rel: 'noopener', 'class': 'btn btn-default navbar-btn renewal-messages', title: '消息中心'},
    [document.createTextNode('消息 '), count]);
  // Beside it the portal's pages a reviewer goes to from the to-do list: its start page, 已办 (the cases handled) and
  // the page where staff change their own password.
  // All in a span: the navbar makes a link that is the plugin node's own child a block of its own line.
  node.appendChild(el('span', {'class': 'renewal-portal-links'}, [
    el('a', {href: '/', 'class': 'btn btn-default navbar-btn renewal-portal', title: '门户首页：项目库、统计、追回等', text: '门户'}),
    el('a', {href: '/review/handled', 'class': 'btn btn-default navbar-btn renewal-handled', title: '本人办理过的案件', text: '已办'}),
    el('a', {href: '/me/password', 'class': 'btn btn-default navbar-btn renewal-password', title: '修改本人的登录密码', text: '修改密码'}),
    link
  ]));
  var refresh = function () {
    get('/api/notifications/unread-count').then(function (r) {
      var n = r.unreadCount || 0;
      count.textContent = n > 99 ? '99+' : String(n);
      count.className = 'badge renewal-unread-count' + (n ? ' renewal-has-unread' : '');
      link.setAttribute('title', n ? '消息中心：' + n + ' 条未读' : '消息中心：没有未读消息');
    }).catch(function () {
      count.textContent = '';
    });
  };
  whileSeen(refresh);
}

/* ---------- every filter's count ---------- */

var FILTER_COUNTS = '/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true';

function showFilterCounts(list) {
  var counts = {};
  (list || []).forEach(function (f) {
    if (!(f.name in counts) && typeof f.itemCount === 'number') {
      counts[f.name] = f.itemCount;
    }
  });
  var links = document.querySelectorAll('[cam-tasklist-filters] .task-filter h4.name a');
  links.forEach(function (a) {
    var first = a.firstChild;
    var name = first && first.nodeType === 3 ? first.nodeValue.trim() : '';
    var shown = a.querySelector('.renewal-filter-count');
    if (!(name in counts)) {
      if (shown) {
        shown.remove();
      }
      return;
    }
    if (!shown) {
      shown = el('span', {'class': 'renewal-filter-count'});
      a.appendChild(shown);
    }
    shown.textContent = counts[name] > 999 ? '999+' : String(counts[name]);
  });
  return links.length;
}

function filterCounts() {
  var refresh = function (tries) {
    get(FILTER_COUNTS).then(function (list) {
      // The filters may not be drawn yet when the counts arrive (or Tasklist is drawing them again): asked again
      // while the tab is seen; once it is hidden, its being seen again asks.
      if (!showFilterCounts(list) && tries < 20) {
        window.setTimeout(function () {
          if (seen()) {
            refresh(tries + 1);
          }
        }, 500);
      }
    }).catch(function () {
      // Tasklist's own count of the selected filter stays.
    });
  };
  whileSeen(function () {
    refresh(0);
  });
  document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('[cam-tasklist-filters] .task-filter')) {
      window.setTimeout(function () {
        refresh(0);
      }, 300);
    }
  });
}

/* ---------- Tasklist's labels read before the Chinese texts had loaded ---------- */

var texts = null;

function chineseFor(raw) {
  var key = raw.trim();
  if (!key) {
    return null;
  }
  if (texts && /^[A-Z][A-Z0-9_]+$/.test(key) && typeof texts[key] === 'string') {
    return texts[key];
  }
  return null;
}

function mendLabels(root) {
  if (!texts || !root.querySelectorAll) {
    return;
  }
  root.querySelectorAll('[cam-sorting-choices] a, [cam-sorting-choices] span, [cam-widget-search] span, [cam-widget-search] input').forEach(function (node) {
    if (node.tagName === 'INPUT') {
      var placeholder = node.getAttribute('placeholder');
      var zh = placeholder && chineseFor(placeholder);
      if (zh) {
        node.setAttribute('placeholder', zh);
      }
      return;
    }
    node.childNodes.forEach(function (child) {
      if (child.nodeType !== 3) {
        return;
      }
      var value = child.nodeValue.trim();
      var mended = chineseFor(value) || CASE_VARIABLES[value];
      if (mended && mended !== value) {
        child.nodeValue = child.nodeValue.replace(value, mended);
      }
    });
  });
}

function watchLabels() {
  get('/camunda/app/tasklist/locales/zh.json').then(function (json) {
    texts = json && json.labels ? json.labels : {};
    var scheduled = false;
    mendLabels(document);
    new MutationObserver(function () {
      if (scheduled) {
        return;
      }
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        mendLabels(document);
      });
    }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']});
  }).catch(function () {
    // Tasklist's own translation stays as it is.
  });
}

export default [{
  id: 'renewal.card.case',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: function (node, context) {
    var taskId = context && context.taskId;
    if (!taskId) {
      return;
    }
    // Tasklist renders a card's plugins before it attaches the card to the list: wait for the card.
    var tries = 0;
    var attach = function () {
      var card = cardOf(node);
      if (card) {
        askCard(taskId, card);
      } else if (tries++ < 40) {
        window.setTimeout(attach, 50);
      }
    };
    attach();
  }
}, {
  id: 'renewal.list.toolbar',
  pluginPoint: 'tasklist.list',
  priority: 50,
  render: function (node) {
    listToolbar(node);
  }
}, {
  id: 'renewal.navbar.messages',
  pluginPoint: 'tasklist.navbar.action',
  priority: 20,
  render: function (node) {
    messageBadge(node);
    filterCounts();
  }
}];

watchLabels();
