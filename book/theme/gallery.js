// Follow mdBook's theme picker: its dark themes show Crust's dark tokens.
(function () {
  var html = document.documentElement;
  function sync() {
    var dark = /(^| )(coal|navy|ayu)( |$)/.test(html.className);
    html.setAttribute("data-theme", dark ? "dark" : "light");
  }
  sync();
  new MutationObserver(sync).observe(html, { attributes: true, attributeFilter: ["class"] });
})();
