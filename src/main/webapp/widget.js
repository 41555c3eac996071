/*
 * Parley chat widget. A shop embeds it with one tag, no build step:
 *
 *   <script src="https://<your-parley>/widget.js" data-locale="zh-TW" defer></script>
 *
 * It talks to the Parley server it was loaded from (CONTRACT.md's chat API), keeps the conversation across page
 * loads (localStorage), shows replies, product cards with add-to-cart buttons, quick replies and the cart, and
 * receives agent messages on the push channel (Server-Sent Events). Everything a shopper, the catalog or an
 * agent wrote is put on the page as text (textContent), never as HTML.
 *
 * Page events: "parley:cart" (detail: the Cart) whenever the cart changes or is shown.
 * Page API: window.Parley.open(), .close(), .send(text), .addToCart(sku, quantity), .signIn(customerToken) (the
 * shop's signed-in customer: the anonymous cart joins theirs), .signOut().
 * A page opened with ?cart=<token> (where a /cart/<token> deep link leads) restores that cart into the chat.
 */
(function () {
  'use strict';
  if (window.Parley) {
    return;
  }
  var script = document.currentScript;
  var origin = new URL(script ? script.src : '/widget.js', window.location.href).origin;
  var api = origin + '/api/v1/';
  var store = window.localStorage;
  var KEY = 'parley:' + origin + ':';

  var UI = {
    'en': {
      open: 'Chat with our shop assistant', title: 'Shop assistant', close: 'Close chat', send: 'Send',
      placeholder: 'Ask about products, sizes, deals…', label: 'Your message', add: 'Add to cart',
      soldOut: 'Sold out', cart: 'Your cart', subtotal: 'Subtotal', discounts: 'Discounts', shipping: 'Shipping',
      total: 'Total', error: 'Sorry, that did not go through. Please try again.', agent: 'Shop team',
      products: 'Products', closest: 'Closest alternatives', was: 'was', quick: 'Suggested replies',
      checkout: 'Check out', checkoutTitle: 'Checkout', email: 'E-mail', name: 'Name', phone: 'Phone',
      line1: 'Address', line2: 'Address line 2 (optional)', city: 'City', postalCode: 'Postal code',
      country: 'Country (2 letters)', method: 'Shipping', card: 'Card number',
      cardHint: 'Sandbox: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.', pay: 'Pay', cancel: 'Cancel',
      order: 'Order', days: 'days'
    },
    'zh-TW': {
      open: '與購物助理聊天', title: '購物助理', close: '關閉對話', send: '送出', placeholder: '詢問商品、尺寸、優惠…',
      label: '您的訊息', add: '加入購物車', soldOut: '已售完', cart: '購物車', subtotal: '小計', discounts: '折扣',
      shipping: '運費', total: '總計', error: '抱歉，訊息沒有送出，請再試一次。', agent: '客服人員', products: '商品',
      closest: '最接近的選擇', was: '原價', quick: '建議回覆',
      checkout: '結帳', checkoutTitle: '結帳', email: '電子郵件', name: '收件人', phone: '電話', line1: '地址',
      line2: '地址第二行（選填）', city: '城市', postalCode: '郵遞區號', country: '國家（兩個字母）', method: '運送方式',
      card: '卡號', cardHint: '測試環境：4242 4242 4242 4242 會成功，4000 0000 0000 0002 會被拒絕。', pay: '付款',
      cancel: '取消', order: '訂單', days: '天'
    },
    'zh-CN': {
      open: '与购物助理聊天', title: '购物助理', close: '关闭对话', send: '发送', placeholder: '询问商品、尺码、优惠…',
      label: '您的消息', add: '加入购物车', soldOut: '已售罄', cart: '购物车', subtotal: '小计', discounts: '折扣',
      shipping: '运费', total: '总计', error: '抱歉，消息没有发送成功，请再试一次。', agent: '客服人员', products: '商品',
      closest: '最接近的选择', was: '原价', quick: '建议回复',
      checkout: '结账', checkoutTitle: '结账', email: '电子邮箱', name: '收货人', phone: '电话', line1: '地址',
      line2: '地址第二行（选填）', city: '城市', postalCode: '邮政编码', country: '国家（两个字母）', method: '配送方式',
      card: '卡号', cardHint: '测试环境：4242 4242 4242 4242 会成功，4000 0000 0000 0002 会被拒绝。', pay: '付款',
      cancel: '取消', order: '订单', days: '天'
    }
  };

  function pickLocale() {
    var wanted = (script && script.dataset.locale) || document.documentElement.lang || navigator.language || 'en';
    if (/^zh-(cn|sg|hans)/i.test(wanted)) {
      return 'zh-CN';
    }
    if (/^zh/i.test(wanted)) {
      return 'zh-TW';
    }
    return 'en';
  }

  var locale = pickLocale();
  var t = UI[locale];
  var conversationId = store.getItem(KEY + 'conversation');
  var anonymousId = store.getItem(KEY + 'shopper');
  if (!anonymousId) {
    anonymousId = 'w-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    store.setItem(KEY + 'shopper', anonymousId);
  }
  var customerToken = store.getItem(KEY + 'customerToken');
  var lastSeq = 0;
  var events = null;
  var started = null;
  var busy = false;

  // ----- DOM --------------------------------------------------------------------------------------------------
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  var style = el('style');
  style.textContent = [
    '.parley-bubble{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;',
    'padding:14px 20px;background:#1d4ed8;color:#fff;font:600 15px/1 system-ui,sans-serif;cursor:pointer;',
    'box-shadow:0 4px 14px rgba(0,0,0,.25)}',
    '.parley-bubble:focus-visible,.parley-panel button:focus-visible,.parley-panel a:focus-visible,',
    '.parley-panel input:focus-visible,.parley-panel select:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
    '.parley-panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;width:380px;max-width:calc(100vw - 24px);',
    'height:600px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#111;',
    'border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);font:14px/1.45 system-ui,sans-serif;overflow:hidden}',
    '.parley-panel[hidden]{display:none}',
    '.parley-head{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#1d4ed8;color:#fff}',
    '.parley-head h2{font-size:16px;margin:0}',
    '.parley-close{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}',
    '.parley-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f8fafc}',
    '.parley-msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.parley-customer{align-self:flex-end;background:#1d4ed8;color:#fff}',
    '.parley-bot{align-self:flex-start;background:#fff;border:1px solid #e2e8f0}',
    '.parley-agent{align-self:flex-start;background:#fef3c7;border:1px solid #fcd34d}',
    '.parley-who{display:block;font-size:11px;font-weight:600;color:#92400e}',
    '.parley-error{align-self:center;color:#b91c1c;font-size:13px}',
    '.parley-products{list-style:none;margin:0;padding:0;display:flex;gap:8px;overflow-x:auto;align-self:stretch}',
    '.parley-relaxed{border-left:3px solid #f59e0b;padding-left:6px}',
    '.parley-card{flex:0 0 150px;background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:8px;',
    'display:flex;flex-direction:column;gap:4px}',
    '.parley-card img,.parley-ph{width:100%;height:96px;object-fit:cover;border-radius:6px;background:#e0e7ff;',
    'display:flex;align-items:center;justify-content:center;font-size:32px;color:#3730a3}',
    '.parley-card a{color:#111;text-decoration:none;font-weight:600;font-size:13px}',
    '.parley-price{font-weight:700}.parley-price s{font-weight:400;color:#64748b;margin-left:4px}',
    '.parley-add{margin-top:auto;border:0;border-radius:6px;padding:6px;background:#16a34a;color:#fff;cursor:pointer}',
    '.parley-add[disabled]{background:#94a3b8;cursor:default}',
    '.parley-quick{display:flex;flex-wrap:wrap;gap:6px}',
    '.parley-quick button{border:1px solid #1d4ed8;background:#fff;color:#1d4ed8;border-radius:16px;padding:5px 10px;cursor:pointer}',
    '.parley-cart{border-top:1px solid #e2e8f0;padding:8px 12px;background:#fff;max-height:160px;overflow-y:auto;font-size:13px}',
    '.parley-cart h3{margin:0 0 4px;font-size:13px}.parley-cart ul{margin:0;padding-left:16px}',
    '.parley-cart dl{display:grid;grid-template-columns:1fr auto;margin:4px 0 0}.parley-cart dd{margin:0;text-align:right}',
    '.parley-form{display:flex;gap:6px;padding:10px;border-top:1px solid #e2e8f0}',
    '.parley-form input{flex:1;padding:9px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}',
    '.parley-form button{border:0;border-radius:8px;padding:0 14px;background:#1d4ed8;color:#fff;cursor:pointer}',
    '.parley-open-checkout{margin-top:6px;width:100%;border:0;border-radius:8px;padding:8px;background:#16a34a;',
    'color:#fff;font-weight:600;cursor:pointer}',
    '.parley-checkout{position:absolute;inset:48px 0 0 0;background:#fff;overflow-y:auto;padding:12px 14px;',
    'display:flex;flex-direction:column;gap:6px;z-index:1}',
    '.parley-checkout[hidden]{display:none}.parley-checkout h3{margin:0 0 4px;font-size:15px}',
    '.parley-checkout label{display:flex;flex-direction:column;font-size:12px;font-weight:600;gap:2px}',
    '.parley-checkout input,.parley-checkout select{padding:7px;border:1px solid #cbd5e1;border-radius:6px;font:inherit;font-weight:400}',
    '.parley-checkout small{color:#475569}.parley-checkout .parley-row{display:flex;gap:8px}',
    '.parley-checkout .parley-row label{flex:1}',
    '.parley-checkout button{border:0;border-radius:8px;padding:9px;font-weight:600;cursor:pointer}',
    '.parley-pay{background:#16a34a;color:#fff}.parley-cancel{background:#e2e8f0;color:#111}',
    '.parley-order{align-self:stretch;background:#ecfdf5;border:1px solid #86efac;border-radius:10px;padding:8px 11px}',
    '.parley-order h3{margin:0 0 4px;font-size:14px}.parley-order ul{margin:0;padding-left:16px}',
    '.parley-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '@media (max-width:480px){.parley-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;',
    'max-height:100%;border-radius:0}}'
  ].join('');
  document.head.appendChild(style);

  var bubble = el('button', 'parley-bubble', t.open);
  bubble.type = 'button';
  bubble.setAttribute('aria-haspopup', 'dialog');
  bubble.setAttribute('aria-expanded', 'false');
  bubble.setAttribute('aria-controls', 'parley-panel');

  var panel = el('section', 'parley-panel');
  panel.id = 'parley-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t.title);
  panel.lang = locale;
  var head = el('div', 'parley-head');
  head.appendChild(el('h2', null, t.title));
  var closeButton = el('button', 'parley-close', '×');
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', t.close);
  head.appendChild(closeButton);
  var log = el('div', 'parley-log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  var cartBox = el('div', 'parley-cart');
  cartBox.setAttribute('role', 'region');
  cartBox.setAttribute('aria-label', t.cart);
  cartBox.hidden = true;
  var form = el('form', 'parley-form');
  var inputLabel = el('label', 'parley-sr', t.label);
  inputLabel.htmlFor = 'parley-input';
  var input = el('input');
  input.id = 'parley-input';
  input.type = 'text';
  input.maxLength = 2000;
  input.autocomplete = 'off';
  input.placeholder = t.placeholder;
  var sendButton = el('button', null, t.send);
  sendButton.type = 'submit';
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);
  var checkoutForm = el('form', 'parley-checkout');
  checkoutForm.hidden = true;
  checkoutForm.setAttribute('aria-label', t.checkoutTitle);
  checkoutForm.appendChild(el('h3', null, t.checkoutTitle));
  var fields = {};
  function field(parent, name, label, type, autocomplete, required) {
    var l = el('label', null, label);
    var i = el('input');
    i.name = name;
    i.type = type;
    i.autocomplete = autocomplete;
    i.required = !!required;
    l.appendChild(i);
    parent.appendChild(l);
    fields[name] = i;
    return i;
  }
  field(checkoutForm, 'email', t.email, 'email', 'email', true);
  field(checkoutForm, 'name', t.name, 'text', 'name', true);
  field(checkoutForm, 'phone', t.phone, 'tel', 'tel', false);
  field(checkoutForm, 'line1', t.line1, 'text', 'address-line1', true);
  field(checkoutForm, 'line2', t.line2, 'text', 'address-line2', false);
  var cityRow = el('div', 'parley-row');
  field(cityRow, 'city', t.city, 'text', 'address-level2', true);
  field(cityRow, 'postalCode', t.postalCode, 'text', 'postal-code', true);
  checkoutForm.appendChild(cityRow);
  var country = field(checkoutForm, 'country', t.country, 'text', 'country', true);
  country.value = 'TW';
  country.maxLength = 2;
  var methodLabel = el('label', null, t.method);
  var method = el('select');
  method.name = 'shippingMethod';
  methodLabel.appendChild(method);
  checkoutForm.appendChild(methodLabel);
  var card = field(checkoutForm, 'card', t.card, 'text', 'cc-number', true);
  card.inputMode = 'numeric';
  checkoutForm.appendChild(el('small', null, t.cardHint));
  var payButton = el('button', 'parley-pay', t.pay);
  payButton.type = 'submit';
  var cancelButton = el('button', 'parley-cancel', t.cancel);
  cancelButton.type = 'button';
  checkoutForm.appendChild(payButton);
  checkoutForm.appendChild(cancelButton);

  panel.appendChild(head);
  panel.appendChild(checkoutForm);
  panel.appendChild(log);
  panel.appendChild(cartBox);
  panel.appendChild(form);

  function mount() {
    document.body.appendChild(bubble);
    document.body.appendChild(panel);
    if (conversationId) {
      // A returning shopper: load the conversation (and its cart) before they open the chat.
      ready();
    }
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }

  // ----- rendering --------------------------------------------------------------------------------------------
  function scroll() {
    log.scrollTop = log.scrollHeight;
  }

  function money(m) {
    if (!m) {
      return '';
    }
    var amount = Number(m.amount);
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency', currency: m.currency, currencyDisplay: m.currency === 'TWD' ? 'code' : 'symbol',
        maximumFractionDigits: amount % 1 === 0 ? 0 : 2
      }).format(amount).replace('TWD', 'NT$').replace(/NT\$\s+/, 'NT$');
    } catch (e) {
      return m.currency + ' ' + m.amount;
    }
  }

  function say(role, text, who) {
    var m = el('div', 'parley-msg parley-' + role);
    if (who) {
      m.appendChild(el('span', 'parley-who', who));
    }
    m.appendChild(document.createTextNode(text));
    log.appendChild(m);
    scroll();
    return m;
  }

  function clearQuickReplies() {
    var old = log.querySelectorAll('.parley-quick');
    for (var i = 0; i < old.length; i++) {
      old[i].parentNode.removeChild(old[i]);
    }
  }

  function products(message) {
    var list = el('ul', 'parley-products' + (message.relaxed ? ' parley-relaxed' : ''));
    list.setAttribute('role', 'list');
    list.setAttribute('aria-label', message.relaxed ? t.closest : t.products);
    (message.items || []).forEach(function (item) {
      var card = el('li', 'parley-card');
      card.setAttribute('data-sku', item.sku);
      card.setAttribute('data-product-id', item.productId);
      if (item.imageUrl) {
        var img = el('img');
        img.src = item.imageUrl;
        img.alt = '';
        img.loading = 'lazy';
        card.appendChild(img);
      } else {
        var ph = el('div', 'parley-ph', (item.title || '?').charAt(0));
        ph.setAttribute('aria-hidden', 'true');
        card.appendChild(ph);
      }
      var link = el('a', null, item.title);
      link.href = window.ParleyStorefront ? '#/p/' + encodeURIComponent(item.productId) : (item.url || '#');
      card.appendChild(link);
      var price = el('span', 'parley-price', money(item.price));
      if (item.compareAtPrice) {
        var was = el('s', null, money(item.compareAtPrice));
        was.setAttribute('aria-label', t.was + ' ' + money(item.compareAtPrice));
        price.appendChild(was);
      }
      card.appendChild(price);
      var add = el('button', 'parley-add', item.inStock ? t.add : t.soldOut);
      add.type = 'button';
      add.disabled = !item.inStock;
      add.setAttribute('aria-label', t.add + ': ' + item.title);
      add.addEventListener('click', function () {
        act({ type: 'add_to_cart', sku: item.sku, quantity: 1 });
      });
      card.appendChild(add);
      list.appendChild(card);
    });
    log.appendChild(list);
    scroll();
  }

  function quickReplies(message) {
    var box = el('div', 'parley-quick');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', t.quick);
    (message.options || []).forEach(function (o) {
      var b = el('button', null, o.title);
      b.type = 'button';
      b.addEventListener('click', function () {
        say('customer', o.title);
        act({ type: 'quick_reply', payload: o.payload }, true);
      });
      box.appendChild(b);
    });
    log.appendChild(box);
    scroll();
  }

  function showCart(cart) {
    if (cart && cart.currency) {
      cartCurrency = cart.currency;
    }
    while (cartBox.firstChild) {
      cartBox.removeChild(cartBox.firstChild);
    }
    if (!cart || !cart.items || cart.items.length === 0) {
      cartBox.hidden = true;
      window.dispatchEvent(new CustomEvent('parley:cart', { detail: cart || { items: [] } }));
      return;
    }
    cartBox.appendChild(el('h3', null, t.cart));
    var ul = el('ul');
    cart.items.forEach(function (i) {
      var options = (i.options || []).join(' / ');
      ul.appendChild(el('li', 'parley-cart-item', i.quantity + ' × ' + i.title + (options ? ' (' + options + ')' : '')
        + ' — ' + money(i.lineTotal)));
    });
    cartBox.appendChild(ul);
    var dl = el('dl');
    [[t.subtotal, cart.subtotal], [t.discounts, cart.discountTotal], [t.shipping, cart.shipping],
      [t.total, cart.total]].forEach(function (row) {
      if (row[1]) {
        dl.appendChild(el('dt', null, row[0]));
        var dd = el('dd', null, money(row[1]));
        if (row[0] === t.total) {
          dd.className = 'parley-cart-total';
        }
        dl.appendChild(dd);
      }
    });
    cartBox.appendChild(dl);
    var go = el('button', 'parley-open-checkout', t.checkout);
    go.type = 'button';
    go.addEventListener('click', openCheckout);
    cartBox.appendChild(go);
    cartBox.hidden = false;
    window.dispatchEvent(new CustomEvent('parley:cart', { detail: cart }));
  }

  function render(message, role) {
    if (message.type === 'text') {
      say(role === 'agent' ? 'agent' : 'bot', message.text, role === 'agent' ? t.agent : null);
    } else if (message.type === 'products') {
      products(message);
    } else if (message.type === 'quick_replies') {
      quickReplies(message);
    } else if (message.type === 'cart') {
      showCart(message.cart);
    } else if (message.type === 'order') {
      showOrder(message.order);
    }
  }

  function showOrder(order) {
    var box = el('div', 'parley-order');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', t.order + ' ' + order.orderNumber);
    box.appendChild(el('h3', null, t.order + ' ' + order.orderNumber + ' · ' + order.status));
    var ul = el('ul');
    (order.items || []).forEach(function (i) {
      ul.appendChild(el('li', null, i.quantity + ' × ' + i.title + (i.options ? ' (' + i.options + ')' : '')
        + ' — ' + money(i.lineTotal)));
    });
    box.appendChild(ul);
    box.appendChild(el('div', 'parley-cart-total', t.total + ': ' + money(order.total)));
    log.appendChild(box);
    if (order.status === 'paid') {
      showCart(null);
    }
    scroll();
  }

  // ----- checkout -------------------------------------------------------------------------------------------------
  // One idempotency key per checkout: kept when the request fails on the way (so resending cannot pay twice), new
  // once the store has answered.
  var checkoutKey = null;
  // Shipping options carry bare amounts; they are in the store's currency, which the cart names.
  var cartCurrency = null;

  function loadShippingMethods() {
    var c = (country.value || 'TW').trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(c)) {
      return;
    }
    request('GET', 'shipping/options?country=' + encodeURIComponent(c) + '&locale=' + encodeURIComponent(locale))
      .then(function (r) {
        if (r.status !== 200 || !Array.isArray(r.body)) {
          return;
        }
        var chosen = method.value;
        while (method.firstChild) {
          method.removeChild(method.firstChild);
        }
        r.body.forEach(function (o) {
          var fee = cartCurrency ? money({ amount: String(o.fee), currency: cartCurrency }) : String(o.fee);
          var opt = el('option', null, o.name + ' — ' + fee + ' · ' + o.etaMinDays
            + (o.etaMaxDays !== o.etaMinDays ? '–' + o.etaMaxDays : '') + ' ' + t.days);
          opt.value = o.method;
          method.appendChild(opt);
        });
        if (chosen) {
          method.value = chosen;
        }
      });
  }

  function openCheckout() {
    checkoutForm.hidden = false;
    loadShippingMethods();
    fields.email.focus();
  }

  function closeCheckout() {
    checkoutForm.hidden = true;
    input.focus();
  }

  country.addEventListener('change', loadShippingMethods);
  cancelButton.addEventListener('click', closeCheckout);
  checkoutForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (busy) {
      return;
    }
    if (!checkoutKey) {
      checkoutKey = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
        : 'k-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
    }
    var v = function (name) {
      return fields[name].value.trim();
    };
    var action = {
      type: 'checkout', idempotencyKey: checkoutKey, email: v('email'),
      shippingAddress: {
        name: v('name'), line1: v('line1'), line2: v('line2') || null, city: v('city'), postalCode: v('postalCode'),
        country: v('country').toUpperCase(), phone: v('phone') || null
      },
      shippingMethod: method.value || 'standard',
      payment: { provider: 'sandbox', card: v('card').replace(/[\s-]/g, '') }
    };
    checkoutForm.hidden = true;
    post({ action: action }).then(function (answeredOk) {
      if (answeredOk) {
        checkoutKey = null;
        fields.card.value = '';
      }
    });
  });

  function error() {
    var e = say('error', t.error);
    e.setAttribute('role', 'alert');
  }

  // ----- the API ------------------------------------------------------------------------------------------------
  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json', 'Accept-Language': locale } : { 'Accept-Language': locale },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        return { status: r.status, body: json };
      });
    });
  }

  function begin() {
    var body = { channel: 'web', locale: locale, anonymousId: anonymousId };
    if (customerToken) {
      body.customerToken = customerToken;
    }
    return request('POST', 'conversations', body)
      .then(function (r) {
        if (r.status === 401 && customerToken) {
          // The shop's sign-in expired: carry on as an anonymous shopper.
          forgetCustomer();
          return begin();
        }
        if (r.status !== 201) {
          throw new Error('start ' + r.status);
        }
        conversationId = r.body.conversationId;
        store.setItem(KEY + 'conversation', conversationId);
        r.body.messages.forEach(function (m) {
          render(m, 'bot');
        });
        listen();
      });
  }

  function resume() {
    return request('GET', 'conversations/' + encodeURIComponent(conversationId)).then(function (r) {
      if (r.status === 404) {
        conversationId = null;
        store.removeItem(KEY + 'conversation');
        return begin();
      }
      if (r.status !== 200) {
        throw new Error('transcript ' + r.status);
      }
      var cart = null;
      r.body.messages.forEach(function (m) {
        lastSeq = Math.max(lastSeq, m.seq || 0);
        if (m.role === 'customer') {
          if (m.type === 'text') {
            say('customer', m.text);
          }
        } else {
          if (m.type === 'cart') {
            cart = m.cart;
          } else if (m.type !== 'quick_replies') {
            render(m, m.role);
          }
        }
      });
      if (cart) {
        showCart(cart);
      }
      listen();
    });
  }

  function ready() {
    if (!started) {
      started = (conversationId ? resume() : begin()).catch(function () {
        started = null;
        error();
      });
    }
    return started;
  }

  function listen() {
    if (!window.EventSource || !conversationId) {
      return;
    }
    if (events) {
      events.close();
    }
    events = new EventSource(api + 'conversations/' + encodeURIComponent(conversationId) + '/events'
      + (lastSeq ? '?after=' + lastSeq : ''));
    events.addEventListener('message', function (e) {
      var m;
      try {
        m = JSON.parse(e.data);
      } catch (x) {
        return;
      }
      lastSeq = Math.max(lastSeq, m.seq || 0);
      render(m, m.role);
    });
  }

  function answered(r) {
    if (r.status !== 200) {
      throw new Error('message ' + r.status);
    }
    r.body.messages.forEach(function (m) {
      render(m, 'bot');
    });
  }

  function post(body) {
    busy = true;
    sendButton.disabled = true;
    return ready().then(function () {
      return request('POST', 'conversations/' + encodeURIComponent(conversationId) + '/messages', body);
    }).then(function (r) {
      if (r.status === 404) {
        // The conversation is gone (a store reset): start again and resend once.
        conversationId = null;
        started = null;
        return ready().then(function () {
          return request('POST', 'conversations/' + encodeURIComponent(conversationId) + '/messages', body);
        });
      }
      return r;
    }).then(function (r) {
      answered(r);
      return true;
    }).catch(function () {
      error();
      return false;
    }).then(function (ok) {
      busy = false;
      sendButton.disabled = false;
      return ok;
    });
  }

  function send(text) {
    text = (text || '').trim();
    if (!text || busy) {
      return Promise.resolve();
    }
    clearQuickReplies();
    say('customer', text.slice(0, 2000));
    return post({ text: text.slice(0, 2000) });
  }

  function act(action, quick) {
    if (busy) {
      return Promise.resolve();
    }
    if (quick) {
      clearQuickReplies();
    }
    return post({ action: action });
  }

  // ----- who the shopper is, and cart links ----------------------------------------------------------------------
  function forgetCustomer() {
    customerToken = null;
    store.removeItem(KEY + 'customerToken');
  }

  function restart() {
    if (events) {
      events.close();
      events = null;
    }
    conversationId = null;
    store.removeItem(KEY + 'conversation');
    started = null;
    lastSeq = 0;
    while (log.firstChild) {
      log.removeChild(log.firstChild);
    }
  }

  function signIn(token) {
    customerToken = token;
    store.setItem(KEY + 'customerToken', token);
    return ready().then(function () {
      return request('POST', 'conversations/' + encodeURIComponent(conversationId) + '/messages',
        { action: { type: 'sign_in', customerToken: token } });
    }).then(function (r) {
      if (r.status === 409 || r.status === 404) {
        // The conversation belongs to someone else (or is gone): a new one, started signed in.
        restart();
        return ready().then(function () {
          return true;
        });
      }
      if (r.status === 401) {
        forgetCustomer();
        throw new Error('sign-in ' + r.status);
      }
      answered(r);
      return true;
    }).catch(function () {
      error();
      return false;
    });
  }

  function signOut() {
    forgetCustomer();
    // A new anonymous shopper too: whoever uses this browser next must not see the customer's cart.
    anonymousId = 'w-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    store.setItem(KEY + 'shopper', anonymousId);
    restart();
    window.dispatchEvent(new CustomEvent('parley:cart', { detail: { items: [] } }));
  }

  function restoreFromLink() {
    var params = new URLSearchParams(window.location.search);
    var token = params.get('cart');
    if (!token) {
      return;
    }
    params.delete('cart');
    var rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    open();
    ready().then(function () {
      return act({ type: 'restore_cart', token: token });
    });
  }

  // ----- open, close, keyboard ------------------------------------------------------------------------------------
  function open() {
    panel.hidden = false;
    bubble.setAttribute('aria-expanded', 'true');
    ready();
    input.focus();
  }

  function close() {
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false');
    bubble.focus();
  }

  bubble.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      close();
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });

  window.Parley = {
    open: open,
    close: close,
    send: function (text) {
      open();
      return send(text);
    },
    addToCart: function (sku, quantity) {
      open();
      return act({ type: 'add_to_cart', sku: sku, quantity: quantity || 1 });
    },
    signIn: signIn,
    signOut: signOut,
    signedIn: function () {
      return !!customerToken;
    },
    locale: locale
  };
  restoreFromLink();
})();
