// Reads the widget's settings from this page's address (or the form) and adds the one script tag a
// real app would have in its HTML. Served by the gateway, so the widget calls the API on its own origin.
(function () {
  var params = new URLSearchParams(location.search);
  var key = params.get('key');
  var customer = params.get('customer');
  // Optional: a key with identity verification on needs the signature a real app's server computes.
  var signature = params.get('signature');
  var lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  if (!key || !customer) {
    return;
  }
  document.getElementById('key').value = key;
  document.getElementById('customer').value = customer;
  document.getElementById('lang').value = lang;
  document.documentElement.lang = lang;
  var src = new URL('/widget.js', location.href).href;
  var tag = document.createElement('script');
  tag.src = src;
  tag.setAttribute('data-key', key);
  tag.setAttribute('data-customer', customer);
  if (signature) {
    tag.setAttribute('data-customer-signature', signature);
  }
  tag.setAttribute('data-lang', lang);
  document.getElementById('snippet').textContent = '<script src="' + src + '" data-key="' + key + '" data-customer="'
      + customer + '"' + (signature ? ' data-customer-signature="' + signature + '"' : '') + ' data-lang="' + lang
      + '"></scr' + 'ipt>';
  document.body.appendChild(tag);
})();
