/*
 * The demo storefront at "/": a product grid (search and in-stock products from the public product API), product
 * pages (#/p/<id>) and the Parley chat widget. Catalog text is always put on the page as text.
 */
(function () {
  'use strict';
  window.ParleyStorefront = true;
  var LANG_KEY = 'parley-demo:lang';
  var lang = localStorage.getItem(LANG_KEY) || 'en';
  var T = {
    'en': { search: 'Search products', searchButton: 'Search', language: 'Language', cart: 'Cart',
      featured: 'Featured products', results: 'Results for', none: 'Nothing found.', loading: 'Loading…',
      add: 'Add to cart', ask: 'Ask the assistant about it', soldOut: 'Sold out', back: 'All products',
      about: 'The shop assistant is Parley, an open-source conversational-commerce server.', askText: 'Tell me about ',
      signIn: 'Sign in', signOut: 'Sign out', email: 'E-mail', name: 'Name', signInSubmit: 'Sign in (demo)',
      hello: 'Hi, ' },
    'zh-TW': { search: '搜尋商品', searchButton: '搜尋', language: '語言', cart: '購物車', featured: '精選商品',
      results: '搜尋結果：', none: '找不到商品。', loading: '載入中…', add: '加入購物車', ask: '問購物助理', soldOut: '已售完',
      back: '所有商品', about: '購物助理由開源對話商務伺服器 Parley 提供。', askText: '介紹一下',
      signIn: '登入', signOut: '登出', email: '電子郵件', name: '姓名', signInSubmit: '登入（示範）', hello: '您好，' },
    'zh-CN': { search: '搜索商品', searchButton: '搜索', language: '语言', cart: '购物车', featured: '精选商品',
      results: '搜索结果：', none: '没有找到商品。', loading: '加载中…', add: '加入购物车', ask: '问购物助理', soldOut: '已售罄',
      back: '所有商品', about: '购物助理由开源对话商务服务器 Parley 提供。', askText: '介绍一下',
      signIn: '登录', signOut: '退出', email: '电子邮箱', name: '姓名', signInSubmit: '登录（演示）', hello: '您好，' }
  };
  var t = T[lang] || T.en;
  document.documentElement.lang = lang;
  document.getElementById('parley-widget').setAttribute('data-locale', lang);

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

  function money(m) {
    if (!m) {
      return '';
    }
    var n = Number(m.amount);
    var s = n.toLocaleString('en-US', { maximumFractionDigits: n % 1 === 0 ? 0 : 2 });
    return (m.currency === 'TWD' ? 'NT$' : m.currency + ' ') + s;
  }

  function get(path) {
    return fetch('/api/v1/' + path, { headers: { 'Accept-Language': lang } }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status);
      }
      return r.json();
    });
  }

  var grid = document.getElementById('grid');
  var gridView = document.getElementById('grid-view');
  var productView = document.getElementById('product-view');
  var status = document.getElementById('grid-status');

  function tile(p) {
    var li = el('li', 'tile');
    li.setAttribute('data-product-id', p.productId);
    if (p.imageUrl) {
      var img = el('img');
      img.src = p.imageUrl;
      img.alt = '';
      li.appendChild(img);
    } else {
      var ph = el('div', 'ph', (p.title || '?').charAt(0));
      ph.setAttribute('aria-hidden', 'true');
      li.appendChild(ph);
    }
    var a = el('a', null, p.title);
    a.href = '#/p/' + encodeURIComponent(p.productId);
    li.appendChild(a);
    var price = el('span', 'price', money(p.price));
    if (p.compareAtPrice) {
      price.appendChild(el('s', null, money(p.compareAtPrice)));
    }
    li.appendChild(price);
    return li;
  }

  function showGrid(q) {
    productView.hidden = true;
    gridView.hidden = false;
    document.getElementById('grid-title').textContent = q ? t.results + ' ' + q : t.featured;
    status.textContent = t.loading;
    while (grid.firstChild) {
      grid.removeChild(grid.firstChild);
    }
    get('products?inStock=true&limit=24' + (q ? '&q=' + encodeURIComponent(q) : '')).then(function (r) {
      status.textContent = r.items.length ? '' : t.none;
      r.items.forEach(function (p) {
        grid.appendChild(tile(p));
      });
    }).catch(function () {
      status.textContent = t.none;
    });
  }

  function plain(html) {
    // The merchant's description is HTML; the storefront shows its text only.
    return new DOMParser().parseFromString(html || '', 'text/html').body.textContent || '';
  }

  function showProduct(id) {
    gridView.hidden = true;
    productView.hidden = false;
    while (productView.firstChild) {
      productView.removeChild(productView.firstChild);
    }
    productView.appendChild(el('p', null, t.loading));
    get('products/' + encodeURIComponent(id)).then(function (p) {
      while (productView.firstChild) {
        productView.removeChild(productView.firstChild);
      }
      var back = el('a', null, '← ' + t.back);
      back.href = '#/';
      productView.appendChild(back);
      var wrap = el('div', 'product');
      var ph = el('div', 'ph', (p.title || '?').charAt(0));
      ph.setAttribute('aria-hidden', 'true');
      wrap.appendChild(p.imageUrl ? Object.assign(el('img'), { src: p.imageUrl, alt: '' }) : ph);
      var info = el('div');
      info.appendChild(el('h1', null, p.title));
      info.appendChild(el('p', null, p.vendor));
      var price = el('p', 'price', money(p.price));
      info.appendChild(price);
      info.appendChild(el('p', null, plain(p.description)));
      var select = el('select');
      select.id = 'variant';
      var label = el('label', 'sr', t.add);
      label.htmlFor = 'variant';
      p.variants.forEach(function (v) {
        var o = el('option', null, Object.keys(v.options).map(function (k) {
          return v.options[k];
        }).filter(Boolean).join(' / ') + ' — ' + money(v.price) + (v.inStock ? '' : ' (' + t.soldOut + ')'));
        o.value = v.sku;
        o.disabled = !v.inStock;
        select.appendChild(o);
      });
      var firstInStock = p.variants.filter(function (v) {
        return v.inStock;
      })[0];
      if (firstInStock) {
        select.value = firstInStock.sku;
      }
      info.appendChild(label);
      info.appendChild(select);
      var buy = el('button', 'buy', t.add);
      buy.type = 'button';
      buy.disabled = !firstInStock;
      buy.addEventListener('click', function () {
        window.Parley.addToCart(select.value, 1);
      });
      info.appendChild(buy);
      var ask = el('button', 'ask', t.ask);
      ask.type = 'button';
      ask.style.marginLeft = '8px';
      ask.addEventListener('click', function () {
        window.Parley.send(t.askText + p.title);
      });
      info.appendChild(ask);
      wrap.appendChild(info);
      productView.appendChild(wrap);
      document.title = p.title + ' · Parley demo shop';
    }).catch(function () {
      while (productView.firstChild) {
        productView.removeChild(productView.firstChild);
      }
      productView.appendChild(el('p', null, t.none));
    });
  }

  function route() {
    var m = /^#\/p\/(.+)$/.exec(location.hash);
    if (m) {
      showProduct(decodeURIComponent(m[1]));
    } else {
      var q = /^#\/search\/(.*)$/.exec(location.hash);
      showGrid(q ? decodeURIComponent(q[1]) : '');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) {
      e.textContent = t[e.getAttribute('data-t')] || e.textContent;
    });
    var select = document.getElementById('lang');
    select.value = lang;
    select.addEventListener('change', function () {
      localStorage.setItem(LANG_KEY, select.value);
      location.reload();
    });
    document.getElementById('search').addEventListener('submit', function (e) {
      e.preventDefault();
      location.hash = '#/search/' + encodeURIComponent(document.getElementById('q').value.trim());
    });
    document.getElementById('cart-button').addEventListener('click', function () {
      window.Parley.open();
    });
    window.addEventListener('hashchange', route);
    route();
    account();
  });

  // The demo sign-in: the server issues the customerToken a real shop would sign for its logged-in customer.
  var WHO_KEY = 'parley-demo:customer';

  function account() {
    var button = document.getElementById('sign-in-button');
    var form = document.getElementById('sign-in-form');
    var signedIn = document.getElementById('signed-in');
    function show() {
      var who = localStorage.getItem(WHO_KEY);
      var on = !!who && window.Parley && window.Parley.signedIn();
      button.hidden = on;
      signedIn.hidden = !on;
      document.getElementById('signed-in-name').textContent = on ? t.hello + who : '';
    }
    button.addEventListener('click', function () {
      form.hidden = !form.hidden;
      if (!form.hidden) {
        // The chat panel may cover the header on small screens: it opens again once signed in.
        window.Parley.close();
        document.getElementById('sign-in-email').focus();
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var email = document.getElementById('sign-in-email').value.trim();
      var name = document.getElementById('sign-in-name').value.trim();
      fetch('/api/v1/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: email, name: name || null }) }).then(function (r) {
        if (r.status === 403) {
          document.getElementById('account').hidden = true;
          return null;
        }
        return r.ok ? r.json() : null;
      }).then(function (body) {
        if (!body) {
          return;
        }
        localStorage.setItem(WHO_KEY, name || email);
        form.hidden = true;
        window.Parley.open();
        return window.Parley.signIn(body.customerToken).then(show);
      });
    });
    document.getElementById('sign-out-button').addEventListener('click', function () {
      localStorage.removeItem(WHO_KEY);
      window.Parley.signOut();
      show();
    });
    if (window.Parley) {
      show();
    } else {
      window.addEventListener('load', show);
    }
  }

  window.addEventListener('parley:cart', function (e) {
    var count = (e.detail.items || []).reduce(function (n, i) {
      return n + i.quantity;
    }, 0);
    document.getElementById('cart-count').textContent = String(count);
  });
})();
