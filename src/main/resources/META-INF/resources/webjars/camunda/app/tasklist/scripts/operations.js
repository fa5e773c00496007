/*
 * 办理操作 in Tasklist: a tab of the open task (转办 and 委派 to a colleague of one's body, 放回本部门待办 for a task
 * claimed by mistake, 退回上一环节, 催办 for a
 * body's lead, 加签 for the city industry bureau during the joint review, 抄送, and one's 常用意见), a picker of
 * 常用意见 above the opinion field of every form, Tasklist's 认领 only where the engine would allow it, and two navbar
 * buttons: 撤回 and 抄送我的
 * (撤回: the steps one approved whose next step is still unclaimed, and the returns for correction the enterprise has
 * not acted on yet), and 暂停办理 beside the due date of a step held for now. Every operation asks for a
 * reason and calls the application's API (/api/review/…), which decides on the organisation chart who may do what;
 * this script only offers the operations and shows the answers; the calls go through review-api.js, whose write
 * calls carry the application's CSRF token (Tasklist's own X-XSRF-TOKEN belongs to Camunda's API, not to this one).
 */
import {API, beijingTime, call, el} from './review-api.js';

/** A reason box; its label is read out by screen readers, which a placeholder alone is not. */
function reasonField(name, label, placeholder) {
  return el('textarea', {
    'class': 'form-control renewal-op-reason',
    name: name,
    rows: '2',
    maxlength: '200',
    placeholder: placeholder,
    'aria-label': label
  });
}

function say(box, text, ok) {
  box.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger') + ' renewal-op-message';
  box.textContent = text;
}

/**
 * One operation: a heading, its fields, a button; on success the message, then Tasklist reloads. None of them can be
 * undone, so the button first asks under it, with what will follow ({@code ask}), and acts on 确定; where a choice or
 * the reason is still missing, ask answers nothing and the server says at once what is missing.
 */
function section(title, help, fields, label, action, ask) {
  var message = el('div', {'class': 'renewal-op-message', role: 'status'});
  var button = el('button', {type: 'button', 'class': 'btn btn-default renewal-op-submit', text: label});
  // The question, under the button until answered: 确定 does it, 取消 leaves everything as it was.
  var confirmBox = el('div', {'class': 'alert alert-warning renewal-op-confirm', role: 'alertdialog', hidden: 'hidden'});
  var question = el('p', {'class': 'renewal-op-question'});
  var yes = el('button', {type: 'button', 'class': 'btn btn-primary btn-sm renewal-op-yes', text: '确定' + label});
  var no = el('button', {type: 'button', 'class': 'btn btn-default btn-sm renewal-op-no', text: '取消'});
  confirmBox.appendChild(question);
  confirmBox.appendChild(yes);
  confirmBox.appendChild(no);
  function closeQuestion() {
    confirmBox.setAttribute('hidden', 'hidden');
    button.disabled = false;
  }
  no.addEventListener('click', function () {
    closeQuestion();
    button.focus();
  });
  yes.addEventListener('click', function () {
    confirmBox.setAttribute('hidden', 'hidden');
    run();
  });
  button.addEventListener('click', function () {
    var asked = ask ? ask() : null;
    if (!asked) {
      run();
      return;
    }
    question.textContent = asked;
    button.disabled = true;
    confirmBox.removeAttribute('hidden');
    yes.focus();
  });
  function run() {
    button.disabled = true;
    action().then(function (text) {
      say(message, text, true);
      message.scrollIntoView({block: 'nearest'});
      window.setTimeout(function () {
        window.location.reload();
      }, 1500);
    }).catch(function (e) {
      say(message, e.message, false);
      message.scrollIntoView({block: 'nearest'});
      button.disabled = false;
    });
  }
  var node = el('section', {'class': 'renewal-op'}, [el('h4', {text: title}), el('p', {'class': 'help-block', text: help})]
    .concat(fields).concat([button, confirmBox, message]));
  // A choice or reason changed while the question is open: the question no longer says what 确定 would do.
  ['input', 'change'].forEach(function (type) {
    node.addEventListener(type, function () {
      if (!confirmBox.hasAttribute('hidden')) {
        closeQuestion();
      }
    });
  });
  return node;
}

function reasonOf(field) {
  return field.value.trim();
}

/** The question before an operation, once its reason is given (2 characters or more). */
function askOnce(reason, question) {
  return function () {
    return reasonOf(reason).length >= 2 ? question() : null;
  };
}

/** The text of a select's chosen option, or null while none is chosen. */
function chosen(select) {
  return select.value ? select.options[select.selectedIndex].text : null;
}

function taskPanel(node, taskId) {
  node.textContent = '';
  var box = el('div', {'class': 'renewal-operations', 'data-task': taskId});
  node.appendChild(box);
  call('GET', '/tasks/' + encodeURIComponent(taskId) + '/operations').then(function (ops) {
    if (!ops.filter(function (op) {
      return op !== 'claim' && op !== 'comment';
    }).length) {
      box.appendChild(el('p', {'class': 'help-block renewal-op-none', text: '认领该任务后，可以在这里转办、委派、放回本部门待办、退回上一环节或抄送。'}));
    }
    operationSections(box, taskId, ops);
    box.appendChild(phrasesSection());
  }).catch(function (e) {
    box.appendChild(el('p', {'class': 'alert alert-danger', text: e.message}));
  });
}

/** The sections of the operations the server says the caller may try on this task. */
function operationSections(box, taskId, ops) {
  var can = function (op) {
    return ops.indexOf(op) >= 0;
  };
  var colleague = el('select', {'class': 'form-control', name: 'to', 'aria-label': '转办给'}, [el('option', {value: '', text: '请选择本部门同事'})]);
  var delegateTo = el('select', {'class': 'form-control', name: 'delegateTo', 'aria-label': '委派给'}, [el('option', {value: '', text: '请选择本部门同事'})]);

  var transferReason = reasonField('transferReason', '转办原因', '转办原因（必填，2–200 字）');
  if (can('transfer')) box.appendChild(section('转办', '将本人已认领的任务转给本部门同事办理，转办人、接收人和原因记入办理记录。', [colleague, transferReason], '转办',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/transfer', {
        to: colleague.value,
        reason: reasonOf(transferReason)
      }).then(function (r) {
        return '已转办给' + r.assigneeName + '。';
      });
    }, askOnce(transferReason, function () {
      return chosen(colleague) && '转办后任务即由' + chosen(colleague) + '办理，您不再持有该任务，不能撤回。确定转办？';
    })));

  var delegateReason = reasonField('delegateReason', '委派原因', '委派原因（必填，2–200 字）');
  if (can('delegate')) box.appendChild(section('委派', '请本部门同事协助办理：同事填写意见后点击“完成”，任务回到您的名下，由您确认后完成。', [delegateTo, delegateReason], '委派',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/delegate', {
        to: delegateTo.value,
        reason: reasonOf(delegateReason)
      }).then(function (r) {
        return '已委派' + r.assigneeName + '协助办理。';
      });
    }, askOnce(delegateReason, function () {
      return chosen(delegateTo) && '委派后由' + chosen(delegateTo) + '协助办理，其完成后任务回到您的名下，由您确认后完成。确定委派？';
    })));

  if (can('transfer') || can('delegate')) call('GET', '/tasks/' + encodeURIComponent(taskId) + '/colleagues').then(function (people) {
    [colleague, delegateTo].forEach(function (select) {
      people.forEach(function (p) {
        select.appendChild(el('option', {value: p.userId, text: p.name + '（' + p.userId + '）'}));
      });
    });
  }).catch(function (e) {
    [colleague, delegateTo].forEach(function (select) {
      select.appendChild(el('option', {value: '', text: '（' + e.message + '）'}));
      select.disabled = true;
    });
  });

  var releaseReason = reasonField('releaseReason', '放回原因', '放回原因（必填，2–200 字）');
  if (can('release')) box.appendChild(section('放回本部门待办', '误领或暂时无法办理的，放回本部门待办，由本部门同事认领；放回人和原因记入办理记录。', [releaseReason], '放回本部门待办',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/release', {reason: reasonOf(releaseReason)})
        .then(function (r) {
          return '已放回' + r.bodyName + '待办，本部门同事可以认领。';
        });
    }, askOnce(releaseReason, function () {
      return '放回后任务回到本部门待办，由本部门同事认领，您不再持有该任务。确定放回？';
    })));

  var returnReason = reasonField('returnReason', '退回原因', '退回原因（必填，2–200 字）');
  if (can('returnToPrevious')) box.appendChild(section('退回上一环节', '将案件退回本案件的上一审核环节重新办理（不退回企业；需要企业补正材料的，请在表单中选择“退回补正”）。', [returnReason], '退回上一环节',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/return-to-previous', {reason: reasonOf(returnReason)})
        .then(function (r) {
          return '已退回' + r.bodyName + '「' + r.taskName + '」' + (r.assigneeName ? '，由' + r.assigneeName + '重新办理。' : '，待该部门认领。');
        });
    }, askOnce(returnReason, function () {
      return '退回后案件回到上一审核环节重新办理，该环节原来的意见不再作为结论，须重新提出；本环节待其办结后再办理。退回不能撤回。确定退回上一环节？';
    })));

  // 加签: the city industry bureau, on a running joint review.
  var addBox = el('div', {'class': 'renewal-op-add'});
  box.appendChild(addBox);
  if (can('addReviewer')) call('GET', '/tasks/' + encodeURIComponent(taskId) + '/addable-bodies').then(function (bodies) {
    var body = el('select', {'class': 'form-control', name: 'body', 'aria-label': '加签单位'}, [el('option', {value: '', text: '请选择市级单位'})]);
    bodies.forEach(function (b) {
      body.appendChild(el('option', {value: b.key, text: b.name}));
    });
    var addReason = reasonField('addReason', '加签原因', '加签原因（必填，2–200 字）');
    addBox.appendChild(section('加签', '增加一个市级单位参加本轮联审；联审等该单位提出意见后才结束。', [body, addReason], '加签',
      function () {
        return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/add-reviewer', {body: body.value, reason: reasonOf(addReason)})
          .then(function (r) {
            return '已加签' + r.bodyName + '参加联审。';
          });
      }, askOnce(addReason, function () {
        return chosen(body) && '加签后' + chosen(body) + '参加本轮联审，联审等其提出意见后才结束；加签不能撤回。确定加签？';
      })));
  }).catch(function () {
    // not the city industry bureau, or not a joint review: no 加签
  });

  // 抄送 a body, or one person of it: the body first, then, if wanted, one of its people.
  var copyBody = el('select', {'class': 'form-control', name: 'copyBody', 'aria-label': '抄送单位'}, [el('option', {value: '', text: '请选择抄送单位'})]);
  var copyPerson = el('select', {'class': 'form-control', name: 'copyPerson', 'aria-label': '抄送人员', disabled: 'disabled'},
    [el('option', {value: '', text: '整个单位（先选择单位，也可以只抄送其中一人）'})]);
  var copyReason = reasonField('copyReason', '抄送原因', '抄送原因（必填，2–200 字）');
  var peopleAsked = 0;
  copyBody.addEventListener('change', function () {
    var request = ++peopleAsked;
    copyPerson.length = 1;
    copyPerson.disabled = true;
    if (!copyBody.value) {
      return;
    }
    call('GET', '/tasks/' + encodeURIComponent(taskId) + '/copy-people?body=' + encodeURIComponent(copyBody.value)).then(function (people) {
      if (request !== peopleAsked) {
        return;
      }
      people.forEach(function (p) {
        copyPerson.appendChild(el('option', {value: p.userId, text: p.name + '（' + p.userId + '）'}));
      });
      copyPerson.disabled = !people.length;
    }).catch(function () {});
  });
  if (can('copy')) box.appendChild(section('抄送', '将本案件抄送一个单位或其中一位人员知悉：对方可以查看卷宗（只读），不产生任务。只能抄送市级单位、本县（市、区）的部门和贷款已推送到的银行。', [copyBody, copyPerson, copyReason], '抄送',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/copy', {
        toBody: copyPerson.value ? null : (copyBody.value || null),
        toUser: copyPerson.value || null,
        reason: reasonOf(copyReason)
      }).then(function (r) {
        return '已抄送' + r.recipient + '。';
      });
    }, askOnce(copyReason, function () {
      var to = copyPerson.value ? chosen(copyBody) + chosen(copyPerson) : chosen(copyBody);
      return to && '抄送后' + to + '即可查看本案件的卷宗（只读），抄送不能撤回。确定抄送？';
    })));
  if (can('copy')) call('GET', '/tasks/' + encodeURIComponent(taskId) + '/copy-bodies').then(function (bodies) {
    bodies.forEach(function (b) {
      copyBody.appendChild(el('option', {value: b.id, text: b.name}));
    });
  }).catch(function () {});

  var reassignTo = el('select', {'class': 'form-control', name: 'reassignTo', 'aria-label': '改派给'}, [el('option', {value: '', text: '收回本部门待办（不指定人员）'})]);
  var reassignReason = reasonField('reassignReason', '改派原因', '改派原因（必填，2–200 字）');
  if (can('reassign')) {
    box.appendChild(section('负责人改派', '本部门负责人将任务改派给本部门人员或本人，或收回本部门待办（如办理人请假、出差）；原办理人和接收人会收到通知。', [reassignTo, reassignReason], '改派',
      function () {
        return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/reassign', {
          to: reassignTo.value || null,
          reason: reasonOf(reassignReason)
        }).then(function (r) {
          return r.assigneeName ? '已改派' + r.assigneeName + '办理。' : '已收回' + r.bodyName + '待办。';
        });
      }, askOnce(reassignReason, function () {
        return reassignTo.value ? '改派后任务即由' + chosen(reassignTo) + '办理，原办理人和接收人会收到通知。确定改派？'
          : '收回后任务回到本部门待办，由本部门人员认领，原办理人会收到通知。确定收回？';
      })));
    call('GET', '/tasks/' + encodeURIComponent(taskId) + '/reassignees').then(function (people) {
      people.forEach(function (p) {
        reassignTo.appendChild(el('option', {value: p.userId, text: p.name + '（' + p.userId + '）'}));
      });
    }).catch(function () {});
  }

  var urgeReason = reasonField('urgeReason', '催办事由', '催办事由（必填，2–200 字）');
  if (can('urge')) box.appendChild(section('催办', '本部门负责人催办本部门的在办任务，办理人和本部门将收到提醒。', [urgeReason], '催办',
    function () {
      return call('POST', '/tasks/' + encodeURIComponent(taskId) + '/urge', {reason: reasonOf(urgeReason)}).then(function () {
        return '已催办。';
      });
    }, askOnce(urgeReason, function () {
      return '催办后立即发出提醒：任务已有办理人的提醒办理人，尚未认领的提醒本部门人员。确定催办？';
    })));
}

/** 常用意见: the reviewer's own phrases, to add and delete; the forms offer them (see decoratePhrases). */
function phrasesSection() {
  var list = el('ul', {'class': 'renewal-phrase-list', 'aria-label': '我的常用意见'});
  var text = el('textarea', {'class': 'form-control', name: 'phraseText', rows: '2', maxlength: '500', placeholder: '新的常用意见（2–500 字）',
    'aria-label': '新的常用意见'});
  var message = el('div', {'class': 'renewal-op-message', role: 'status'});
  var reload = function () {
    call('GET', '/phrases').then(function (phrases) {
      list.textContent = '';
      phrases.forEach(function (p) {
        var remove = el('button', {type: 'button', 'class': 'btn btn-link btn-xs', text: '删除'});
        remove.addEventListener('click', function () {
          call('DELETE', '/phrases/' + p.id).then(reload).catch(function (e) {
            say(message, e.message, false);
          });
        });
        list.appendChild(el('li', {}, [el('span', {text: p.text}), remove]));
      });
      cachedPhrases = phrases;
    });
  };
  var add = el('button', {type: 'button', 'class': 'btn btn-default renewal-phrase-add', text: '保存为常用意见'});
  add.addEventListener('click', function () {
    call('POST', '/phrases', {text: text.value.trim()}).then(function () {
      text.value = '';
      say(message, '已保存，在表单的意见栏上方可以选用。', true);
      reload();
    }).catch(function (e) {
      say(message, e.message, false);
    });
  });
  reload();
  return el('section', {'class': 'renewal-op'}, [el('h4', {text: '常用意见'}),
    el('p', {'class': 'help-block', text: '保存的常用意见只有本人可见，在表单意见栏上方的“常用意见…”中选用。'}), list, text, add, message]);
}

var cachedPhrases = null;

/** Above every opinion field (a form-js textarea whose label has 意见), a select that inserts a saved phrase. */
function decoratePhrases() {
  var fields = document.querySelectorAll('.fjs-form-field-textarea');
  Array.prototype.forEach.call(fields, function (field) {
    var label = field.querySelector('label');
    var area = field.querySelector('textarea');
    if (!label || !area || label.textContent.indexOf('意见') < 0 || area.readOnly || area.disabled
      || field.querySelector('.renewal-phrase-pick')) {
      return;
    }
    var pick = el('select', {'class': 'form-control input-sm renewal-phrase-pick', 'aria-label': '常用意见'},
      [el('option', {value: '', text: '常用意见…'})]);
    (cachedPhrases || []).forEach(function (p) {
      pick.appendChild(el('option', {value: p.text, text: p.text}));
    });
    pick.addEventListener('change', function () {
      if (!pick.value) {
        return;
      }
      // The field's textarea as it is now: the form may have drawn it anew since the select was added.
      var box = pick.closest('.fjs-form-field-textarea');
      var current = (box && box.querySelector('textarea')) || area;
      var setter = Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value').set;
      // A phrase joins what is typed as a sentence of its own, not glued to its last word.
      var typed = current.value.replace(/\s+$/, '');
      setter.call(current, typed ? typed + (/[。；;，,！!？?：:]$/.test(typed) ? '' : '；') + pick.value : pick.value);
      current.dispatchEvent(new Event('input', {bubbles: true}));
      pick.value = '';
    });
    label.parentNode.insertBefore(pick, label.nextSibling);
  });
}

function watchForms() {
  call('GET', '/phrases').then(function (phrases) {
    cachedPhrases = phrases;
  }).catch(function () {
    cachedPhrases = [];
  }).then(function () {
    decoratePhrases();
    new MutationObserver(decoratePhrases).observe(document.body, {childList: true, subtree: true});
  });
}

function copiesPanel(container) {
  container.textContent = '';
  var form = el('form', {'class': 'form-inline renewal-copy-search', role: 'search'});
  var box = el('input', {type: 'search', 'class': 'form-control input-sm', maxlength: '64',
    placeholder: '申报编号或项目名称', 'aria-label': '查找抄送我的案件'});
  form.appendChild(box);
  form.appendChild(el('button', {type: 'submit', 'class': 'btn btn-default btn-sm', text: '查找'}));
  var results = el('div', {'class': 'renewal-copy-results'});
  container.appendChild(form);
  container.appendChild(results);
  // The search of the list shown: the pager keeps it whatever is typed meanwhile; an
  // answer to an earlier request than the last is dropped.
  var q = '';
  var asked = 0;
  function show(page) {
    var request = ++asked;
    call('GET', '/copies/page?page=' + page + '&q=' + encodeURIComponent(q)).then(function (found) {
      if (request !== asked) {
        return;
      }
      results.textContent = '';
      if (!found.copies.length && found.more) {
        results.appendChild(el('p', {text: '本页的抄送案件您已不能查看，请看下一页。'}));
      } else if (!found.copies.length) {
        results.appendChild(el('p', {text: q ? '没有找到申报编号或项目名称含“' + q + '”的抄送案件。'
          : (page > 1 ? '没有更早的抄送案件。' : '没有抄送您或您所在单位的案件。')}));
      } else {
        var list = el('ul', {'class': 'renewal-copy-list', 'aria-label': '抄送我的案件'});
        found.copies.forEach(function (c) {
          list.appendChild(el('li', {}, [
            el('a', {href: '/review/applications/' + c.applicationId, target: '_blank', rel: 'noopener', text: c.referenceNo + ' ' + c.title}),
            el('div', {'class': 'help-block', text: c.fromName + '于' + beijingTime(c.at) + '抄送：' + c.reason})
          ]));
        });
        results.appendChild(list);
      }
      var pager = el('div', {'class': 'renewal-copy-pager'});
      pager.appendChild(el('span', {'class': 'help-block', text: '第 ' + found.page + ' 页 · 每页 50 件，按抄送时间由近到远'}));
      if (found.page > 1) {
        var previous = el('button', {type: 'button', 'class': 'btn btn-link btn-sm renewal-copy-previous', text: '上一页'});
        previous.addEventListener('click', function () { show(found.page - 1); });
        pager.appendChild(previous);
      }
      if (found.more) {
        var next = el('button', {type: 'button', 'class': 'btn btn-link btn-sm renewal-copy-next', text: '下一页'});
        next.addEventListener('click', function () { show(found.page + 1); });
        pager.appendChild(next);
      }
      results.appendChild(pager);
    }).catch(function (e) {
      if (request === asked) {
        results.textContent = '';
        results.appendChild(el('p', {'class': 'alert alert-danger', text: e.message}));
      }
    });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    q = box.value.trim();
    show(1);
  });
  show(1);
}

function navbarPanel(node, label, className, fill) {
  var panel = el('div', {'class': 'renewal-withdraw-panel ' + className + '-panel', hidden: 'hidden'});
  var button = el('button', {type: 'button', 'class': 'btn btn-default navbar-btn ' + className + '-open', text: label});
  button.addEventListener('click', function () {
    document.querySelectorAll('.renewal-withdraw-panel').forEach(function (other) {
      if (other !== panel) {
        other.setAttribute('hidden', 'hidden');
      }
    });
    if (panel.hasAttribute('hidden')) {
      panel.removeAttribute('hidden');
      fill(panel);
    } else {
      panel.setAttribute('hidden', 'hidden');
    }
  });
  node.appendChild(button);
  node.appendChild(panel);
}

function withdrawPanel(container) {
  container.textContent = '';
  container.appendChild(el('p', {text: '正在读取…'}));
  call('GET', '/withdrawable').then(function (steps) {
    container.textContent = '';
    if (!steps.length) {
      container.appendChild(el('p', {'class': 'renewal-op-empty', text: '没有可撤回的环节：本人同意（通过）且下一环节尚未认领的环节，或本人退回补正且企业尚未修改、尚未重新提交的环节，可以撤回。'}));
      return;
    }
    steps.forEach(function (s) {
      var reason = reasonField('withdrawReason', '撤回' + s.referenceNo + '的原因', '撤回原因（必填，2–200 字）');
      var returned = s.correction;
      container.appendChild(section(s.referenceNo + ' ' + s.title, s.stepName + '，' + beijingTime(s.completedAt) + '办结（' + s.decisionLabel + '）'
        + (returned ? '。撤回后补正结束，企业将收到无需补正的通知' : ''),
        [reason], returned ? '撤回退回补正' : '撤回', function () {
          return call('POST', '/completed-tasks/' + encodeURIComponent(s.taskId) + '/withdraw', {reason: reasonOf(reason)})
            .then(function (r) {
              return '已撤回，「' + r.taskName + '」已回到您的待办' + (returned ? '，已通知企业无需补正。' : '。');
            });
        }, askOnce(reason, function () {
          return returned ? '撤回后' + s.referenceNo + '的补正结束，企业将收到无需补正的通知，「' + s.stepName + '」回到您的待办重新办理。确定撤回？'
            : '撤回后' + s.referenceNo + '的「' + s.stepName + '」回到您的待办重新办理，原来的意见不再作为结论。确定撤回？';
        })));
    });
  }).catch(function (e) {
    container.textContent = '';
    container.appendChild(el('p', {'class': 'alert alert-danger', text: e.message}));
  });
}

/*
 * Tasklist's own task administration above the tabs: the × that unclaims one's task (or clears a colleague's), the
 * assignee that opens an input to name another, the groups that open 添加组, the follow-up and due dates that open a
 * date picker, and their ×. Each calls an engine command that needs TASK_ASSIGN or UPDATE on the task, which only
 * administrators hold (reviewers hold TASK_WORK): for a reviewer every one of them only fails. So they are hidden
 * (styles/user-styles.css) or made plain text here, unless Camunda says the signed-in user may use the Admin webapp;
 * giving a task back or over is 放回本部门待办 or 转办 in the 办理操作 tab, with a reason. 认领 is offered where it works
 * (guardClaim below).
 */
var TASK_ADMINISTRATION = '[cam-tasklist-task-meta] .assignee [cam-widget-inline-field], '
  + '[cam-tasklist-task-meta] .groups > span, '
  + '[cam-tasklist-task-meta] .followup-date, [cam-tasklist-task-meta] .due-date, '
  + '[cam-tasklist-task-meta] .unclaim, [cam-tasklist-task-meta] .reset-assignee, '
  + '[cam-tasklist-task-meta] .reset-follow-up-date, [cam-tasklist-task-meta] .reset-due-date';

var ADMINISTERS_TASKS = 'renewal-task-admin';

function administersTasks() {
  return document.documentElement.classList.contains(ADMINISTERS_TASKS);
}

/** Clicks, Enter and paste on those controls stop here for a reviewer, before Tasklist's own handlers. */
function blockTaskAdministration(event) {
  if (administersTasks() || !event.target.closest || !event.target.closest(TASK_ADMINISTRATION)) {
    return;
  }
  if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** The read-only fields are out of the tab order: there is nothing to do on them. */
function untabTaskAdministration() {
  if (administersTasks()) {
    return;
  }
  document.querySelectorAll(TASK_ADMINISTRATION).forEach(function (field) {
    if (field.getAttribute('tabindex') === '0') {
      field.setAttribute('tabindex', '-1');
    }
  });
}

function guardTaskAdministration() {
  ['click', 'mousedown', 'keydown', 'paste'].forEach(function (type) {
    document.addEventListener(type, blockTaskAdministration, true);
  });
  new MutationObserver(untabTaskAdministration).observe(document.documentElement, {childList: true, subtree: true});
  untabTaskAdministration();
  fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
    .then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (user) {
      if (user && (user.authorizedApps || []).indexOf('admin') >= 0) {
        document.documentElement.classList.add(ADMINISTERS_TASKS);
        document.querySelectorAll(TASK_ADMINISTRATION).forEach(function (field) {
          if (field.getAttribute('tabindex') === '-1') {
            field.setAttribute('tabindex', '0');
          }
        });
      }
    }).catch(function () {
      // not known: the controls stay hidden, as for a reviewer
    });
}

/*
 * Tasklist's 认领 button above the tabs calls the engine's claim, which refuses whoever may only read the task (a
 * body's lead before the task is escalated to the lead group, see the reviewer guide), so Tasklist's button would
 * only lead to an error; so would its 添加意见, a note the engine lets only those who may work on the task write.
 * Whether the signed-in user may do either on the open task is the server's answer: the task's operations
 * (/api/review/tasks/{id}/operations) list 'claim' when the engine's own checks of a claim would let them, and
 * 'comment' when its checks of working on the task would. Both stay hidden (styles/user-styles.css) until that answer
 * says so, and in the claim's place the task reads 尚未认领; the keyboard shortcut of claiming stops here too. Asked
 * again each time Tasklist draws them (after a claim, a release, a refresh), once for both. Should the answer not come
 * (the server unreachable), Tasklist's button and link show as they would without this script: the engine decides in
 * any case.
 */
var CLAIM_BUTTON = '[cam-tasklist-task-meta] button.claim';
var CLAIMABLE = 'renewal-claimable';
var COMMENT_LINK = 'a.createCommentLink';
var MAY_COMMENT = 'renewal-may-comment';
var ASKED_FOR = 'data-renewal-claim-asked-for';

/** The task open in Tasklist, from its address (#/?task=…). */
function openTaskId() {
  var hash = window.location.hash || '';
  var query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('task');
}

/** What the signed-in user may try on the task: the server's list, [] for a task not theirs, null when it did not answer. */
function operationsOf(taskId) {
  return fetch(API + '/tasks/' + encodeURIComponent(taskId) + '/operations', {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json'}
  }).then(function (r) {
    if (r.ok) {
      return r.json();
    }
    // Not the caller's task at all (another body, another county): nothing to claim or note.
    return r.status === 403 || r.status === 404 ? [] : null;
  }).catch(function () {
    return null;
  });
}

function showClaim(button, claimable) {
  var note = button.parentNode && button.parentNode.querySelector('.renewal-not-claimable');
  button.classList.toggle(CLAIMABLE, claimable);
  if (claimable && note) {
    note.parentNode.removeChild(note);
  } else if (!claimable && !note && button.parentNode) {
    button.parentNode.insertBefore(el('span', {'class': 'renewal-not-claimable', title: '您对该任务只能查看，不能认领',
      text: '尚未认领'}), button);
  }
}

/** The claim buttons or note links not yet asked about for the open task. */
function notAsked(selector, taskId) {
  return [].slice.call(document.querySelectorAll(selector)).filter(function (node) {
    return node.getAttribute(ASKED_FOR) !== taskId;
  });
}

function gateTaskActions() {
  var taskId = openTaskId();
  if (!taskId) {
    return;
  }
  var buttons = notAsked(CLAIM_BUTTON, taskId);
  var links = notAsked(COMMENT_LINK, taskId);
  if (!buttons.length && !links.length) {
    return;
  }
  // Tasklist may keep them when another task is opened: hidden again until that task's answer.
  buttons.concat(links).forEach(function (node) {
    node.setAttribute(ASKED_FOR, taskId);
  });
  buttons.forEach(function (button) {
    button.classList.remove(CLAIMABLE);
  });
  links.forEach(function (link) {
    link.classList.remove(MAY_COMMENT);
  });
  operationsOf(taskId).then(function (ops) {
    if (openTaskId() !== taskId) {
      return;
    }
    var may = function (op) {
      return ops === null || ops.indexOf(op) >= 0;
    };
    buttons.forEach(function (button) {
      if (button.getAttribute(ASKED_FOR) === taskId) {
        showClaim(button, may('claim'));
      }
    });
    links.forEach(function (link) {
      if (link.getAttribute(ASKED_FOR) === taskId) {
        link.classList.toggle(MAY_COMMENT, may('comment'));
      }
    });
  });
}

var DUE_DATE = '[cam-tasklist-task-meta] .due-date';
var HELD_TASK = 'renewal-held-task';

/**
 * A step held for now (the payment while a clawback holds it): next to the open task's due date, 暂停办理 with the
 * reason, and Tasklist's red due date toned down (styles: .renewal-held-task), as on its card in the list.
 */
function markHeldTask() {
  var taskId = openTaskId();
  if (!taskId) {
    return;
  }
  var dates = notAsked(DUE_DATE, taskId);
  if (!dates.length) {
    return;
  }
  dates.forEach(function (date) {
    date.setAttribute(ASKED_FOR, taskId);
  });
  // The working days' answer alone (not the cards', which also reads the case's county, labels and claim).
  call('GET', '/tasks/remaining-days?ids=' + encodeURIComponent(taskId)).then(function (remaining) {
    if (openTaskId() !== taskId) {
      return;
    }
    var held = remaining.length ? remaining[0].held : null;
    dates.forEach(function (date) {
      if (date.getAttribute(ASKED_FOR) !== taskId) {
        return;
      }
      date.classList.toggle(HELD_TASK, !!held);
      var tag = date.parentNode && date.parentNode.querySelector('.renewal-held-tag');
      if (held && !tag && date.parentNode) {
        date.parentNode.insertBefore(el('span', {'class': 'renewal-held-tag', title: held, text: '暂停办理'}),
          date.nextSibling);
      } else if (!held && tag) {
        tag.parentNode.removeChild(tag);
      }
    });
  }).catch(function () {
    // Without the answer Tasklist's own due date stays.
  });
}

/** Tasklist's shortcut for claiming (config.js, ctrl+alt+c) does nothing where the button is not offered. */
function blockHiddenClaimShortcut(event) {
  if (!event.ctrlKey || !event.altKey || (event.key || '').toLowerCase() !== 'c' && event.keyCode !== 67) {
    return;
  }
  var button = document.querySelector(CLAIM_BUTTON);
  if (button && !button.classList.contains(CLAIMABLE)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

function guardClaim() {
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    document.addEventListener(type, blockHiddenClaimShortcut, true);
  });
  new MutationObserver(function () {
    gateTaskActions();
    markHeldTask();
  }).observe(document.documentElement, {childList: true, subtree: true});
  window.addEventListener('hashchange', function () {
    gateTaskActions();
    markHeldTask();
  });
  gateTaskActions();
  markHeldTask();
}

export default [{
  id: 'renewal.task.operations',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  label: '办理操作',
  properties: {label: '办理操作'},
  render: function (node, context, scope) {
    var shown = null;
    var show = function (id) {
      if (id && id !== shown) {
        shown = id;
        taskPanel(node, id);
      }
    };
    show(context.taskId);
    if (scope && scope.$watch) {
      scope.$watch('task.id', show);
    }
  }
}, {
  id: 'renewal.navbar.withdraw',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: function (node) {
    navbarPanel(node, '撤回', 'renewal-withdraw', withdrawPanel);
    navbarPanel(node, '抄送我的', 'renewal-copies', copiesPanel);
  }
}];

watchForms();
guardTaskAdministration();
guardClaim();
