/*
 * VoC Loop in-app feedback widget. One tag on any page of a customer-facing app:
 *
 *   <script src="https://voc.example.com/widget.js" data-key="vlk_..." data-customer="c-1001"
 *           data-customer-signature="9f86d0..." data-lang="zh-CN"></script>
 *
 * data-key is a CUSTOMER_APP API key (it may only submit feedback and read a customer's pending
 * surveys, so it can live in a page), data-customer the signed-in customer's id, data-lang zh-CN or
 * en (default: the browser's language). The page's origin must be in the gateway's CORS_ORIGINS.
 *
 * data-customer-signature proves that the page's own server vouches for data-customer: the lowercase
 * hex HMAC-SHA256 of the customer id (UTF-8), keyed with the key's identity secret (shown once when
 * the key is created; it must stay on the server, never in the page). Your server computes it while
 * rendering the page, e.g. in Node:
 *
 *   require('crypto').createHmac('sha256', IDENTITY_SECRET).update(customerId, 'utf8').digest('hex')
 *
 * The widget sends it with the id as X-Vocloop-Customer and X-Vocloop-Customer-Signature. A key with
 * identity verification required (the default for new keys) reads pending surveys and files feedback
 * under data-customer only with a valid signature: without one the survey check is refused (401, no
 * survey shown) and so is feedback naming the customer (403, the form says it could not be sent);
 * leave data-customer out for anonymous feedback. See the gateway README, "Identity verification".
 *
 * Plain JavaScript, no framework, nothing loaded from elsewhere. Everything it draws lives in a
 * shadow root, so the host page's CSS cannot reach it and its CSS cannot reach the host page.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__vocloopWidget) {
    return;
  }
  window.__vocloopWidget = true;

  var base = new URL(script.src, document.baseURI).origin;
  var key = script.getAttribute('data-key') || '';
  var customerId = script.getAttribute('data-customer') || '';
  var customerSignature = script.getAttribute('data-customer-signature') || '';
  var lang = pickLanguage(script.getAttribute('data-lang') || navigator.language || 'en');

  var TEXT = {
    'zh-CN': {
      open: '意见反馈',
      title: '告诉我们您的想法',
      text: '您的反馈',
      textHint: '遇到了什么问题，或者希望我们改进什么？',
      rating: '整体评分（可选）',
      stars: ['1 星', '2 星', '3 星', '4 星', '5 星'],
      send: '提交',
      sending: '正在提交…',
      cancel: '关闭',
      thanks: '谢谢！我们已经收到您的反馈。',
      empty: '请先写下您的反馈。',
      tooMany: '提交太频繁了，请稍后再试。',
      refused: '反馈组件的配置有误，暂时无法提交。',
      invalid: '这条反馈无法提交，请检查内容后重试。',
      failed: '网络或服务暂时不可用，请稍后再试。',
      surveyTitle: '有一个简短的问题想请教您',
      surveyLink: '去回答',
      newSurvey: '（有一份待回答的调查）'
    },
    en: {
      open: 'Feedback',
      title: 'Tell us what you think',
      text: 'Your feedback',
      textHint: 'What went wrong, or what should we improve?',
      rating: 'Overall rating (optional)',
      stars: ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'],
      send: 'Send',
      sending: 'Sending…',
      cancel: 'Close',
      thanks: 'Thank you! We have received your feedback.',
      empty: 'Please write your feedback first.',
      tooMany: 'Too many submissions, please try again in a minute.',
      refused: 'The feedback widget is not set up correctly; it cannot send right now.',
      invalid: 'This feedback could not be sent; please check it and try again.',
      failed: 'The network or the service is not available; please try again later.',
      surveyTitle: 'A quick question for you',
      surveyLink: 'Answer now',
      newSurvey: '(a survey is waiting for you)'
    }
  };
  var t = TEXT[lang];

  var CSS = [
    ':host { all: initial; }',
    '[hidden] { display: none !important; }',
    '* { box-sizing: border-box; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }',
    '.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; border: 0; border-radius: 24px;',
    '  padding: 12px 18px; font-size: 15px; font-weight: 600; color: #fff; background: #1d4ed8; cursor: pointer;',
    '  box-shadow: 0 4px 14px rgba(0,0,0,.25); }',
    '.launcher:hover { background: #1e40af; }',
    '.launcher:focus-visible, button:focus-visible, a:focus-visible, textarea:focus-visible, input:focus-visible + span {',
    '  outline: 3px solid #f59e0b; outline-offset: 2px; }',
    '.dot { display: inline-block; width: 9px; height: 9px; margin-left: 6px; border-radius: 50%; background: #fbbf24; vertical-align: middle; }',
    'dialog { width: min(380px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; border: 0;',
    '  border-radius: 12px; padding: 20px; color: #111827; background: #fff; box-shadow: 0 10px 40px rgba(0,0,0,.35); }',
    'dialog::backdrop { background: rgba(17,24,39,.35); }',
    'h2 { margin: 0 0 12px; font-size: 18px; }',
    'label.text { display: block; font-weight: 600; font-size: 14px; margin-bottom: 4px; }',
    '.hint { margin: 0 0 6px; font-size: 13px; color: #4b5563; }',
    'textarea { width: 100%; min-height: 96px; padding: 8px; font-size: 15px; border: 1px solid #6b7280; border-radius: 6px; resize: vertical; }',
    'fieldset { border: 0; margin: 12px 0 0; padding: 0; }',
    'legend { font-weight: 600; font-size: 14px; margin-bottom: 6px; padding: 0; }',
    '.stars { display: flex; gap: 6px; }',
    '.stars label { position: relative; }',
    '.stars input { position: absolute; opacity: 0; width: 1px; height: 1px; }',
    '.stars span { display: inline-block; min-width: 40px; padding: 8px 0; text-align: center; font-size: 15px;',
    '  border: 1px solid #6b7280; border-radius: 6px; cursor: pointer; }',
    '.stars input:checked + span { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }',
    '.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }',
    'button { font-size: 15px; padding: 8px 16px; border-radius: 6px; cursor: pointer; }',
    'button.primary { border: 0; color: #fff; background: #1d4ed8; }',
    'button.primary[disabled] { background: #6b7280; cursor: wait; }',
    'button.secondary { border: 1px solid #6b7280; color: #111827; background: #fff; }',
    '.status { min-height: 1.2em; margin: 10px 0 0; font-size: 14px; }',
    '.status.ok { color: #166534; } .status.error { color: #b91c1c; }',
    '.survey { margin: 0 0 14px; padding: 10px 12px; border-radius: 8px; background: #eff6ff; font-size: 14px; }',
    '.survey p { margin: 0 0 6px; }',
    '.survey a { color: #1d4ed8; font-weight: 600; }',
    '.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }'
  ].join('\n');

  function pickLanguage(value) {
    return /^zh/i.test(value) ? 'zh-CN' : 'en';
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function api(method, path, body) {
    var init = { method: method, headers: { 'Authorization': 'Bearer ' + key, 'Accept': 'application/json' }, credentials: 'omit' };
    if (customerId && customerSignature) {
      init.headers['X-Vocloop-Customer'] = customerId;
      init.headers['X-Vocloop-Customer-Signature'] = customerSignature;
    }
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(base + path, init);
  }

  // A random id for the item being written: a double click or a retry after a lost answer sends the
  // same externalId, and the API keeps one item for it.
  function newExternalId() {
    if (window.crypto && crypto.randomUUID) {
      return 'widget-' + crypto.randomUUID();
    }
    return 'widget-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function build() {
    var host = el('div', { id: 'vocloop-widget', 'data-vocloop': 'widget' });
    var root = host.attachShadow({ mode: 'open' });
    // A constructed style sheet needs no 'unsafe-inline' in the host page's Content-Security-Policy;
    // a <style> element is the fallback for browsers without constructable style sheets.
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', { text: CSS }));
    }

    var dot = el('span', { 'class': 'dot', hidden: '' });
    var dotText = el('span', { 'class': 'sr', text: '' });
    var launcher = el('button', { type: 'button', 'class': 'launcher', part: 'launcher', 'aria-haspopup': 'dialog',
      'aria-expanded': 'false', 'aria-controls': 'vocloop-dialog' }, [document.createTextNode(t.open), dot, dotText]);

    var survey = el('div', { 'class': 'survey', id: 'vocloop-survey', hidden: '' });
    var textarea = el('textarea', { id: 'vocloop-text', name: 'text', maxlength: '5000', required: '',
      'aria-describedby': 'vocloop-hint' });
    var stars = el('div', { 'class': 'stars' });
    t.stars.forEach(function (label, i) {
      stars.appendChild(el('label', {}, [
        el('input', { type: 'radio', name: 'rating', value: String(i + 1), 'aria-label': label }),
        el('span', { 'aria-hidden': 'true', text: String(i + 1) })
      ]));
    });
    var status = el('p', { 'class': 'status', id: 'vocloop-status', role: 'status', 'aria-live': 'polite' });
    var send = el('button', { type: 'submit', 'class': 'primary', id: 'vocloop-send', text: t.send });
    var cancel = el('button', { type: 'button', 'class': 'secondary', id: 'vocloop-close', text: t.cancel });
    var form = el('form', { novalidate: '' }, [
      el('label', { 'class': 'text', 'for': 'vocloop-text', text: t.text }),
      el('p', { 'class': 'hint', id: 'vocloop-hint', text: t.textHint }),
      textarea,
      el('fieldset', {}, [el('legend', { text: t.rating }), stars]),
      status,
      el('div', { 'class': 'actions' }, [cancel, send])
    ]);
    var dialog = el('dialog', { id: 'vocloop-dialog', 'aria-labelledby': 'vocloop-title', lang: lang }, [
      el('h2', { id: 'vocloop-title', text: t.title }), survey, form
    ]);
    root.appendChild(launcher);
    root.appendChild(dialog);

    var externalId = newExternalId();

    function show(message, kind) {
      status.textContent = message;
      status.className = 'status ' + (kind || '');
    }

    function open() {
      show('');
      // Modal: the page behind is inert, Escape closes it, focus stays inside until it closes.
      dialog.showModal();
      launcher.setAttribute('aria-expanded', 'true');
      textarea.focus();
      loadSurvey();
    }

    launcher.addEventListener('click', open);
    cancel.addEventListener('click', function () { dialog.close(); });
    dialog.addEventListener('close', function () {
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = textarea.value.trim();
      if (!text) {
        show(t.empty, 'error');
        textarea.setAttribute('aria-invalid', 'true');
        textarea.focus();
        return;
      }
      textarea.removeAttribute('aria-invalid');
      var checked = form.querySelector('input[name=rating]:checked');
      var body = {
        channel: 'IN_APP',
        externalId: externalId,
        text: text,
        // Origin and path only: query strings and fragments often carry tokens or personal data.
        page: (location.origin + location.pathname).slice(0, 500),
        device: navigator.userAgent.slice(0, 200)
      };
      if (customerId) {
        body.customer = { id: customerId, locale: lang };
      }
      if (checked) {
        body.rating = Number(checked.value);
      }
      send.disabled = true;
      send.textContent = t.sending;
      api('POST', '/api/v1/feedback', body).then(function (response) {
        if (response.ok) {
          form.reset();
          externalId = newExternalId();
          show(t.thanks, 'ok');
        } else {
          show(response.status === 429 ? t.tooMany : response.status === 401 || response.status === 403 ? t.refused
            : response.status < 500 ? t.invalid : t.failed, 'error');
        }
      }, function () {
        show(t.failed, 'error');
      }).then(function () {
        send.disabled = false;
        send.textContent = t.send;
      });
    });

    function loadSurvey() {
      if (!customerId) {
        return;
      }
      api('GET', '/api/v1/customers/' + encodeURIComponent(customerId) + '/pending-surveys').then(function (response) {
        return response.ok ? response.json() : { items: [] };
      }).then(function (list) {
        var item = list && list.items && list.items[0];
        while (survey.firstChild) {
          survey.removeChild(survey.firstChild);
        }
        // Tells the host page (and tests) whether a survey is waiting, once the answer is in.
        var waiting = !!item && /^[A-Za-z0-9_-]+$/.test(item.token || '');
        host.setAttribute('data-survey', waiting ? 'pending' : 'none');
        if (!waiting) {
          survey.hidden = true;
          dot.hidden = true;
          dotText.textContent = '';
          return;
        }
        var scale = item.type === 'CSAT' ? '&scale=csat' : item.type === 'CES' ? '&scale=ces' : '';
        var link = el('a', { href: base + '/survey/' + item.token + '?lang=' + lang + scale, target: '_blank', rel: 'noopener',
          id: 'vocloop-survey-link', text: t.surveyLink });
        survey.appendChild(el('p', { text: t.surveyTitle }));
        if (item.question) {
          survey.appendChild(el('p', { 'class': 'question', text: item.question }));
        }
        survey.appendChild(link);
        survey.hidden = false;
        dot.hidden = false;
        dotText.textContent = t.newSurvey;
      }, function () {
        // No survey shown is the right fallback when the network fails: feedback still works.
      });
    }

    document.body.appendChild(host);
    // Show the dot for a waiting survey without opening the dialog.
    loadSurvey();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', build);
  } else {
    build();
  }
})();
