// newsdump inspector: the little the page needs beyond HTML and CSS.
// Everything works without it but lighting an entity's mentions; with it,
// the lines of an input are one stop for Tab, walked with the arrow keys.
"use strict";

(function () {
  // Lighting an entity: a click (or Enter, which clicks a link) on a
  // mention or on the entity's name lights every element that carries its
  // data-ent, the entity's entry in the list among them; the same again,
  // or Escape, turns them off.
  var lit = null;
  var status = document.getElementById("lit-status");

  function light(id) {
    var on = document.querySelectorAll(".lit");
    for (var i = 0; i < on.length; i++) on[i].classList.remove("lit");
    if (id === null || id === lit) {
      lit = null;
      if (status) status.textContent = "";
      return;
    }
    lit = id;
    var els = document.querySelectorAll('[data-ent="' + CSS.escape(id) + '"]');
    var mentions = 0;
    for (var k = 0; k < els.length; k++) {
      els[k].classList.add("lit");
      if (els[k].matches("a.ent")) mentions++;
    }
    var entry = document.getElementById(id);
    var name = entry ? entry.querySelector(".ent-name") : null;
    if (status && name) {
      status.textContent = name.textContent + " (" + name.getAttribute("data-type") + "): " +
        mentions + " mention" + (mentions === 1 ? "" : "s") + " lit. Escape turns them off.";
    }
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[data-ent]");
    if (!a) return;
    ev.preventDefault();
    light(a.getAttribute("data-ent"));
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && lit !== null) light(null);
  });

  // The lines of each input: one Tab stop (a roving tabindex), the arrow
  // keys, Home, End, PageUp and PageDown to move between lines with a
  // role; focus shows the line's reason (CSS).
  var lists = document.querySelectorAll("ol.lines");
  for (var l = 0; l < lists.length; l++) rove(lists[l]);

  function rove(list) {
    var items = list.querySelectorAll("li[tabindex]");
    if (items.length === 0) return;
    for (var i = 0; i < items.length; i++) items[i].tabIndex = -1;
    items[0].tabIndex = 0;
    var index = function (el) { return Array.prototype.indexOf.call(items, el); };
    function go(from, to) {
      to = Math.max(0, Math.min(items.length - 1, to));
      from.tabIndex = -1;
      items[to].tabIndex = 0;
      items[to].focus();
    }
    list.addEventListener("keydown", function (ev) {
      var cur = ev.target.closest("li[tabindex]");
      if (!cur || ev.target !== cur) return;
      var i = index(cur);
      switch (ev.key) {
        case "ArrowDown": go(cur, i + 1); break;
        case "ArrowUp": go(cur, i - 1); break;
        case "PageDown": go(cur, i + 20); break;
        case "PageUp": go(cur, i - 20); break;
        case "Home": go(cur, 0); break;
        case "End": go(cur, items.length - 1); break;
        default: return;
      }
      ev.preventDefault();
    });
    list.addEventListener("focusin", function (ev) {
      var cur = ev.target.closest("li[tabindex]");
      if (!cur) return;
      for (var i = 0; i < items.length; i++) if (items[i] !== cur) items[i].tabIndex = -1;
      cur.tabIndex = 0;
    });
  }

  // A dump larger than the server takes is refused here, before it is
  // sent (the server refuses it too, with 413).
  var form = document.getElementById("form");
  if (form) {
    form.addEventListener("submit", function (ev) {
      var max = Number(form.getAttribute("data-max"));
      var size = new Blob([form.elements.text.value]).size;
      var files = form.elements.files.files;
      for (var i = 0; i < files.length; i++) size += files[i].size;
      var err = document.getElementById("form-error");
      if (max > 0 && size > max) {
        ev.preventDefault();
        err.textContent = "That is " + Math.ceil(size / 1048576) + " MiB; this inspector takes at most " +
          Math.floor(max / 1048576 * 10) / 10 + " MiB (its -max-bytes flag).";
        err.hidden = false;
      } else {
        err.hidden = true;
      }
    });
  }

  // After a dump was inspected, start at the results.
  var results = document.getElementById("results");
  if (results && !location.hash) results.focus();
})();
