// The appearance panel: crust-ui's ThemeToggle controls, mounted into #crust-appearance by the
// live bundle (which then shows the button). This opens and closes it like a disclosure.
(function () {
  var button = document.getElementById("crust-appearance-toggle");
  var panel = document.getElementById("crust-appearance");
  if (!button || !panel) return;
  function show(open, refocus) {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      var first = panel.querySelector("input:checked") || panel.querySelector("input");
      if (first) first.focus();
    } else if (refocus) {
      button.focus();
    }
  }
  button.addEventListener("click", function () {
    show(panel.hidden, false);
  });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      e.preventDefault();
      show(false, true);
    }
  });
  document.addEventListener("click", function (e) {
    if (!panel.hidden && !panel.contains(e.target) && !button.contains(e.target)) show(false, false);
  });
  panel.addEventListener("focusout", function (e) {
    var to = e.relatedTarget;
    if (to && !panel.contains(to) && to !== button) show(false, false);
  });
})();

// The table-of-contents button flips the checkbox mdBook's sidebar follows.
(function () {
  var button = document.getElementById("mdbook-sidebar-toggle");
  var checkbox = document.getElementById("mdbook-sidebar-toggle-anchor");
  if (button && checkbox && button.tagName === "BUTTON") {
    button.addEventListener("click", function () {
      checkbox.click();
    });
  }
})();

// A table or code block wider than the page scrolls sideways: make it reachable by keyboard
// (checked again when a demo's source is opened).
(function () {
  function mark(root) {
    root.querySelectorAll(".table-wrapper, pre > code").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", el.tagName === "CODE" ? "Code (scrolls sideways)" : "Table (scrolls sideways)");
      }
    });
  }
  mark(document);
  document.addEventListener(
    "toggle",
    function (e) {
      if (e.target.open) mark(e.target);
    },
    true,
  );
})();

// Keys pressed inside a demo or the panel belong to it: mdBook's arrow-key chapter navigation
// (book.js asks this global whether something else has the focus) leaves them alone.
(function () {
  var mdbookAsks = window.mdbook_something_else_has_focus;
  window.mdbook_something_else_has_focus = function (e) {
    var target = (e.composedPath && e.composedPath()[0]) || e.target;
    if (target && target.closest && target.closest(".crust-demo__specimen, .crust-appearance")) return true;
    return typeof mdbookAsks === "function" ? mdbookAsks(e) : false;
  };
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
