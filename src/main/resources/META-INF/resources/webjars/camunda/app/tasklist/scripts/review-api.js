/*
 * What operations.js, worklist.js and form-drafts.js share (imported by them, not a Tasklist plugin of its own): the
 * application's review API (/api/review), a reader of its answers that turns a refusal into the Chinese sentence the
 * server gave, a builder of elements that writes text only as textContent, and Beijing time for the messages.
 */
export var API = '/api/review';

/** The JSON of an answer, or an Error with the server's Chinese reason (its problem detail) when it refused. */
export function answer(r) {
  return r.text().then(function (text) {
    var json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!r.ok) {
      throw new Error((json && json.detail) || (r.status === 401 ? '登录已失效，请刷新页面后重新登录' : '操作失败（' + r.status + '），请刷新后重试'));
    }
    return json;
  });
}

/** The application's CSRF token for write calls (Tasklist's own X-XSRF-TOKEN belongs to Camunda's API). */
export function csrf() {
  return fetch(API + '/csrf', {credentials: 'same-origin'}).then(function (r) {
    if (!r.ok) {
      throw new Error('登录已失效，请刷新页面后重新登录');
    }
    return r.json();
  });
}

/** A call of the review API; write calls carry the CSRF token. */
export function call(method, path, body) {
  var send = function (token) {
    var headers = {'Accept': 'application/json'};
    if (token) {
      headers['Content-Type'] = 'application/json';
      headers[token.headerName] = token.token;
    }
    return fetch(API + path, {
      method: method,
      credentials: 'same-origin',
      headers: headers,
      body: body ? JSON.stringify(body) : undefined
    }).then(answer);
  };
  return method === 'GET' ? send(null) : csrf().then(send);
}

/** An element with attributes ('text' sets its textContent) and children. */
export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') {
      node.textContent = attrs[k];
    } else {
      node.setAttribute(k, attrs[k]);
    }
  });
  (children || []).forEach(function (c) {
    node.appendChild(c);
  });
  return node;
}

/** A moment as Beijing time, whatever the browser's own zone: 2026-03-05 14:03. */
export function beijingTime(at) {
  var parts = {};
  new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(new Date(at)).forEach(function (p) {
    parts[p.type] = p.value;
  });
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
}
