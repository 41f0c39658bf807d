/* Keep what people type: a form marked data-keep-draft="key" is copied to this browser's
   storage as they type, and put back if the page comes back without it (a session that
   ended, a lost connection). A page rendered after a successful save carries
   data-saved, which forgets the copy. Works without it too: it only adds safety. */
(function () {
  "use strict";
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && (el.type === "text" || el.type === "search")));
    });
  }
  function setUp(form) {
    var key = "tadamun-draft:" + form.getAttribute("data-keep-draft");
    var store;
    try { store = window.localStorage; } catch (e) { return; }
    if (!store) { return; }
    if (form.hasAttribute("data-saved")) {
      store.removeItem(key);
      (form.getAttribute("data-also-forget") || "").split(" ").forEach(function (other) {
        if (other) { store.removeItem("tadamun-draft:" + other); }
      });
    }
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved) {
      var restored = false;
      fields(form).forEach(function (el) {
        if (typeof saved[el.name] === "string" && saved[el.name] !== el.value && saved[el.name].trim() !== "") {
          el.value = saved[el.name];
          restored = true;
        }
      });
      var note = form.querySelector("[data-draft-restored]");
      if (restored && note) { note.hidden = false; }
    }
    form.addEventListener("input", function () {
      var data = {};
      fields(form).forEach(function (el) { data[el.name] = el.value; });
      try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full: nothing to do */ }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-keep-draft]"), setUp);
  });
})();
