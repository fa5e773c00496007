/*
 * What operations.js and worklist.js share (imported by both, not a Tasklist plugin of its own): the application's
 * review API (/api/review), a reader of its answers that turns a refusal into the Chinese sentence the server gave,
 * and a builder of elements that writes text only as textContent.
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
