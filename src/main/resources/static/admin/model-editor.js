// The BPMN editor of the administration page: bpmn-js (from its webjar) with a small panel for the Camunda
// attributes administrators change most (name, candidate groups, form, due date, timer), and deployment through
// the same checks as every other deployment.
(function () {
  'use strict';

  var root = document.getElementById('editor');
  var result = document.getElementById('result');
  var panel = document.getElementById('properties');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  var csrfToken = document.querySelector('meta[name="_csrf"]').content;
  var modeler = new BpmnJS({ container: '#canvas', keyboard: { bindTo: document } });
  var marked = [];

  var CAMUNDA_FIELDS = {
    'bpmn:UserTask': [
      ['camunda:candidateGroups', '候选组（逗号分隔）'],
      ['camunda:formRef', '表单（forms/ 中表单的 id）'],
      ['camunda:dueDate', '办理期限（如 P5D 或 ${...}）'],
      ['camunda:assignee', '办理人']
    ],
    'bpmn:ServiceTask': [['camunda:delegateExpression', '委托 bean（${beanName}）']],
    'bpmn:BusinessRuleTask': [['camunda:decisionRef', '决策表 key']],
    'bpmn:Process': [['camunda:historyTimeToLive', '历史数据保留期限（如 P3650D）']]
  };

  function text(tag, value) {
    var e = document.createElement(tag);
    e.textContent = value;
    return e;
  }

  function show(kind, message, problems) {
    result.innerHTML = '';
    var box = document.createElement('div');
    box.className = 'alert ' + kind;
    box.appendChild(text('strong', message.split('\n')[0]));
    if (problems && problems.length) {
      var table = document.createElement('table');
      table.innerHTML = '<thead><tr><th>文件</th><th>元素</th><th>问题</th></tr></thead>';
      var body = document.createElement('tbody');
      problems.forEach(function (p) {
        var row = document.createElement('tr');
        row.className = 'problem';
        row.appendChild(text('td', p.resource));
        var element = text('td', p.elementId || '（整个文件）');
        element.className = 'element';
        row.appendChild(element);
        row.appendChild(text('td', p.message));
        body.appendChild(row);
      });
      table.appendChild(body);
      box.appendChild(table);
    }
    result.appendChild(box);
  }

  function markProblems(problems) {
    var canvas = modeler.get('canvas');
    var registry = modeler.get('elementRegistry');
    marked.forEach(function (id) { canvas.removeMarker(id, 'problem'); });
    marked = [];
    (problems || []).forEach(function (p) {
      if (p.elementId && registry.get(p.elementId)) {
        canvas.addMarker(p.elementId, 'problem');
        marked.push(p.elementId);
      }
    });
  }

  function timerOf(bo) {
    var definition = (bo.eventDefinitions || []).filter(function (d) { return d.$type === 'bpmn:TimerEventDefinition'; })[0];
    if (!definition) { return null; }
    var kind = ['timeDuration', 'timeDate', 'timeCycle'].filter(function (k) { return definition[k]; })[0];
    return kind ? { definition: definition, kind: kind } : null;
  }

  function field(label, value, onChange) {
    var wrap = document.createElement('div');
    wrap.className = 'field';
    var l = text('label', label);
    var input = document.createElement('input');
    input.type = 'text';
    input.value = value || '';
    input.addEventListener('change', function () { onChange(input.value.trim()); });
    l.appendChild(input);
    wrap.appendChild(l);
    return wrap;
  }

  function render(element) {
    panel.innerHTML = '';
    if (!element) {
      panel.appendChild(text('p', '选中图中的一个元素以修改其属性。'));
      return;
    }
    var modeling = modeler.get('modeling');
    var bo = element.businessObject;
    panel.appendChild(text('h3', bo.name || bo.id));
    var id = text('p', 'id：' + bo.id);
    id.className = 'muted';
    panel.appendChild(id);
    if (element.type !== 'bpmn:Process' && element.type !== 'label') {
      panel.appendChild(field('名称', bo.name, function (v) { modeling.updateProperties(element, { name: v }); }));
    }
    (CAMUNDA_FIELDS[element.type] || []).forEach(function (f) {
      panel.appendChild(field(f[1], bo.get(f[0]), function (v) {
        var change = {};
        change[f[0]] = v === '' ? undefined : v;
        modeling.updateProperties(element, change);
      }));
    });
    var timer = timerOf(bo);
    if (timer) {
      panel.appendChild(field('定时器（' + timer.kind + '）', timer.definition[timer.kind].body, function (v) {
        // bpmn-js 8 has no command for nested properties; the change goes straight into the model.
        timer.definition[timer.kind].body = v;
      }));
    }
  }

  // replaceNewer: the id of the newer version the administrator has confirmed the edit replaces (a click passes
  // an event instead). A version deployed after the one confirmed is asked about again.
  function deploy(replaceNewer) {
    result.innerHTML = '';
    show('info', '正在检查……');
    modeler.saveXML({ format: true }).then(function (saved) {
      var headers = { 'Content-Type': 'application/xml' };
      headers[csrfHeader] = csrfToken;
      if (typeof replaceNewer === 'string') headers['X-Replace-Newer'] = replaceNewer;
      return fetch(root.dataset.deployUrl, { method: 'POST', headers: headers, body: saved.xml, credentials: 'same-origin' });
    }).then(function (response) {
      return response.json().then(function (outcome) {
        outcome.newerExists = response.status === 409;
        return outcome;
      });
    }).then(function (outcome) {
      if (outcome.newerExists) {
        show('error', outcome.message);
        root.dataset.outcome = 'newer';
        if (window.confirm(outcome.message + '\n\n确定以您编辑的内容为准部署吗？')) deploy(outcome.base);
        return;
      }
      if (outcome.deployed && outcome.base) {
        // Further edits on this page build on the version just deployed.
        root.dataset.deployUrl = root.dataset.deployUrl.replace(/processes\/[^/]+\/xml$/,
          'processes/' + encodeURIComponent(outcome.base) + '/xml');
        var heading = document.getElementById('editor-version');
        var deployedVersion = (outcome.versions || []).map(function (v) {
          return v.match(new RegExp('^流程 ' + heading.dataset.key + ' 版本 (\\d+)$'));
        }).filter(Boolean)[0];
        if (deployedVersion) {
          heading.textContent = heading.dataset.key + ' · 版本 ' + deployedVersion[1] + '（最新为版本 ' + deployedVersion[1] + '）';
        }
      }
      markProblems(outcome.problems);
      show(outcome.deployed ? 'info' : 'error', outcome.message, outcome.problems);
      root.dataset.outcome = outcome.deployed ? (outcome.unchanged ? 'unchanged' : 'deployed') : 'refused';
    }).catch(function (err) {
      show('error', '部署请求失败：' + err);
    });
  }

  function download() {
    modeler.saveXML({ format: true }).then(function (saved) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([saved.xml], { type: 'application/xml' }));
      link.download = root.dataset.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }

  fetch(root.dataset.xmlUrl, { credentials: 'same-origin' }).then(function (response) {
    return response.text();
  }).then(function (xml) {
    return modeler.importXML(xml);
  }).then(function () {
    modeler.get('canvas').zoom('fit-viewport');
    modeler.get('eventBus').on('selection.changed', function (e) { render(e.newSelection[0]); });
    root.dataset.loaded = 'true';
  }).catch(function (err) {
    show('error', '无法显示流程图：' + err);
  });

  document.getElementById('deploy').addEventListener('click', deploy);
  document.getElementById('download').addEventListener('click', download);
  window.renewalModeler = modeler;
}());
