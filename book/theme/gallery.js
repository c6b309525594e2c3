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

// Live demos: the gallery's wasm bundle (built by `cargo xtask gallery` into src/live/) mounts
// every demo in place of its server-rendered specimen. Without it the specimens stay static.
(function () {
  var src = document.currentScript && document.currentScript.src;
  if (!src || location.protocol === "file:") return;
  // mdBook adds a hash to the file name (gallery-1a2b3c4d.js).
  var base = src.replace(/theme\/gallery[^/]*\.js(\?.*)?$/, "live/");
  import(base + "crust_gallery.js")
    .then(function (glue) {
      return glue.default({ module_or_path: base + "crust_gallery_bg.wasm" });
    })
    .catch(function () {});
})();
