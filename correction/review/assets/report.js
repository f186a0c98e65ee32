/* Review controls for the page rendered by correction/review/html.py.
 * The page is complete without this script; it only reveals the hidden controls and keeps
 * the reviewer's decisions. Data is read from the JSON block and only ever written back as
 * text (textContent) or attribute values: nothing here parses data as HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("review-data").textContent);
  // The order of Decision.to_json: the edit's fields, then id, decision, proposed, checksum.
  var EDIT_FIELDS = ["start", "end", "original", "replacement", "line", "column",
                     "entity", "pass_name", "score", "reason"];

  var proposals = data.proposals;
  var state = new Map();   // id -> {verdict: null | "accept" | "reject", replacement: string}
  var views = new Map();   // id -> elements of that proposal
  var byId = function (id) { return document.getElementById(id); };

  var ui = {
    controls: byId("controls"),
    entity: byId("filter-entity"),
    pass: byId("filter-pass"),
    score: byId("filter-score"),
    scoreValue: byId("filter-score-value"),
    status: byId("filter-status"),
    count: byId("count"),
    message: byId("message"),
    exportButton: byId("export"),
    acceptShown: byId("accept-shown"),
    rejectShown: byId("reject-shown"),
    resetAll: byId("reset-all")
  };

  proposals.forEach(function (p) {
    state.set(p.id, { verdict: null, replacement: p.edit.replacement });
    var card = byId("proposal-" + p.id);
    views.set(p.id, {
      card: card,
      mark: byId("t-" + p.id),
      markAfter: byId("t-" + p.id).querySelector("ins"),
      cardAfter: card.querySelector(".change ins"),
      state: byId("state-" + p.id),
      input: card.querySelector("input.replacement"),
      accept: card.querySelector('button[data-verdict="accept"]'),
      reject: card.querySelector('button[data-verdict="reject"]')
    });
  });

  /* ---- saving in this browser, so a reload does not lose the work ---- */

  // A page served by `correction serve` comes with a second script (report-server.js) that
  // keeps the decisions on the server instead; the exported page has none and loads nothing.
  var remote = window.correctionReviewRemote || null;

  function load() {
    if (remote) { return remote.load(proposals, state); }
    try {
      var saved = JSON.parse(window.localStorage.getItem(data.storage_key) || "{}");
      var restored = 0;
      Object.keys(saved).forEach(function (key) {
        var s = state.get(Number(key));
        var entry = saved[key];
        if (!s || !Array.isArray(entry)) { return; }
        if (entry[0] === "accept" || entry[0] === "reject") { s.verdict = entry[0]; restored += 1; }
        if (typeof entry[1] === "string") { s.replacement = entry[1]; }
      });
      return restored;
    } catch (error) {
      return 0;  // storage off (private mode, file:// policy): the page still works
    }
  }

  function save() {
    if (remote) { remote.save(proposals, state, say); return; }
    var out = {};
    proposals.forEach(function (p) {
      var s = state.get(p.id);
      if (s.verdict !== null || s.replacement !== p.edit.replacement) { out[p.id] = [s.verdict, s.replacement]; }
    });
    try { window.localStorage.setItem(data.storage_key, JSON.stringify(out)); } catch (error) { /* see load */ }
  }

  /* ---- filters ---- */

  function pick(select, values) {
    return select.value === "" ? null : values[Number(select.value)];
  }

  function isShown(p) {
    var s = state.get(p.id);
    var entity = pick(ui.entity, data.entities);
    var pass = pick(ui.pass, data.passes);
    var status = ui.status.value;
    return (entity === null || p.edit.entity === entity) &&
      (pass === null || p.edit.pass_name === pass) &&
      p.edit.score >= Number(ui.score.value) &&
      (status === "all" || (status === "undecided" ? s.verdict === null : s.verdict === status));
  }

  /* ---- drawing: text and classes only ---- */

  var STATE_WORDS = { accept: "accepted", reject: "rejected" };

  function draw() {
    var tally = { accept: 0, reject: 0 };
    var shown = 0;
    var perEntity = data.entities.map(function () { return { accept: 0, reject: 0 }; });
    proposals.forEach(function (p) {
      var s = state.get(p.id);
      var v = views.get(p.id);
      var visible = isShown(p);
      if (visible) { shown += 1; }
      if (s.verdict) {
        tally[s.verdict] += 1;
        perEntity[data.entities.indexOf(p.edit.entity)][s.verdict] += 1;
      }
      v.card.hidden = !visible;
      v.card.classList.toggle("is-accepted", s.verdict === "accept");
      v.card.classList.toggle("is-rejected", s.verdict === "reject");
      v.mark.classList.toggle("is-accepted", s.verdict === "accept");
      v.mark.classList.toggle("is-rejected", s.verdict === "reject");
      v.mark.classList.toggle("is-filtered", !visible);
      v.state.textContent = s.verdict ? STATE_WORDS[s.verdict] : "undecided";
      v.accept.setAttribute("aria-pressed", String(s.verdict === "accept"));
      v.reject.setAttribute("aria-pressed", String(s.verdict === "reject"));
      v.markAfter.textContent = s.replacement;
      v.cardAfter.textContent = s.replacement;
      v.input.classList.toggle("is-edited", s.replacement !== p.edit.replacement);
      if (v.input.value !== s.replacement) { v.input.value = s.replacement; }
    });
    var total = proposals.length;
    var decided = tally.accept + tally.reject;
    ui.count.textContent = total + " proposal" + (total === 1 ? "" : "s") + ": " +
      tally.accept + " accepted, " + tally.reject + " rejected, " + (total - decided) + " undecided; " +
      shown + " shown.";
    ui.exportButton.textContent = "Export decisions (" + decided + ")";
    document.querySelectorAll("tr[data-entity]").forEach(function (row) {
      var counts = perEntity[Number(row.getAttribute("data-entity"))];
      row.querySelector(".entity-tally").textContent =
        counts.accept + " accepted, " + counts.reject + " rejected";
    });
  }

  function say(text) { ui.message.textContent = text; }

  /* ---- decisions ---- */

  function decide(ids, verdict) {
    ids.forEach(function (id) { state.get(id).verdict = verdict; });
    save();
    draw();
  }

  function idsWhere(test) {
    return proposals.filter(test).map(function (p) { return p.id; });
  }

  function onCardButton(event) {
    var button = event.target.closest("button[data-verdict]");
    if (!button) { return; }
    var card = button.closest(".card");
    var id = Number(card.getAttribute("data-id"));
    var verdict = button.getAttribute("data-verdict");
    // Pressing the pressed button again takes the decision back.
    decide([id], state.get(id).verdict === verdict ? null : verdict);
    if (card.hidden) { focusNextCard(card, verdict); }
  }

  // With "Status: Undecided" a decided card disappears; keep the keyboard on the next one.
  function focusNextCard(card, verdict) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
    var index = cards.indexOf(card);
    var after = cards.slice(index + 1).concat(cards.slice(0, index).reverse());
    for (var i = 0; i < after.length; i += 1) {
      if (!after[i].hidden) {
        after[i].querySelector('button[data-verdict="' + verdict + '"]').focus();
        return;
      }
    }
    ui.exportButton.focus();
  }

  function onReplacementInput(event) {
    var input = event.target;
    if (!input.classList.contains("replacement")) { return; }
    var id = Number(input.closest(".card").getAttribute("data-id"));
    state.get(id).replacement = input.value;
    save();
    draw();
  }

  function onEntityButton(event) {
    var button = event.target.closest("button[data-bulk]");
    if (!button) { return; }
    var entity = data.entities[Number(button.closest("tr").getAttribute("data-entity"))];
    var verdict = button.getAttribute("data-bulk");
    var ids = idsWhere(function (p) { return p.edit.entity === entity; });
    decide(ids, verdict);
    say((verdict === "accept" ? "Accepted " : "Rejected ") + ids.length + " proposal" +
        (ids.length === 1 ? "" : "s") + " for " + entity + ".");
  }

  function bulkShown(verdict) {
    var ids = idsWhere(isShown);
    decide(ids, verdict);
    say((verdict === "accept" ? "Accepted " : "Rejected ") + ids.length + " shown proposal" +
        (ids.length === 1 ? "" : "s") + ".");
  }

  /* ---- export: the format of Decision.to_json, byte for byte ---- */

  // Python's repr of a float (json.dumps writes floats with it): shortest round-trip digits,
  // always a ".0" or an exponent, exponent form below 1e-4 and from 1e16, as in "1e-05".
  function pythonFloat(x) {
    if (!isFinite(x)) { throw new Error("score is not a finite number: " + x); }
    if (x === 0) { return Object.is(x, -0) ? "-0.0" : "0.0"; }
    var m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
    var sign = m[1];
    var digits = m[2] + (m[3] || "");
    var exp = Number(m[4]);
    if (exp < -4 || exp >= 16) {
      var mantissa = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
      var size = String(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (size.length < 2 ? "0" + size : size);
    }
    if (exp < 0) { return sign + "0." + "0".repeat(-exp - 1) + digits; }
    if (digits.length <= exp + 1) { return sign + digits + "0".repeat(exp + 1 - digits.length) + ".0"; }
    return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  }

  // json.dumps(record, ensure_ascii=False): ", " and ": " separators; JSON.stringify escapes
  // strings the same way (the same short escapes, \u00xx for other control characters).
  function decisionLine(p, s) {
    var pairs = EDIT_FIELDS.map(function (field) {
      return [field, field === "replacement" ? s.replacement : p.edit[field]];
    });
    pairs.push(["id", p.id], ["decision", s.verdict], ["proposed", p.edit.replacement],
               ["input_sha256", p.input_sha256]);
    return "{" + pairs.map(function (pair) {
      var value = pair[0] === "score" ? pythonFloat(pair[1]) : JSON.stringify(pair[1]);
      return JSON.stringify(pair[0]) + ": " + value;
    }).join(", ") + "}\n";
  }

  function exportDecisions() {
    var lines = proposals
      .filter(function (p) { return state.get(p.id).verdict !== null; })
      .sort(function (a, b) { return a.id - b.id; })
      .map(function (p) { return decisionLine(p, state.get(p.id)); });
    if (lines.length === 0) {
      say("Nothing to export yet: accept or reject at least one proposal.");
      return;
    }
    var url = URL.createObjectURL(new Blob(lines, { type: "application/x-ndjson" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = data.download_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say("Exported " + lines.length + " decision" + (lines.length === 1 ? "" : "s") + " to " +
        data.download_name + " (undecided proposals are left out).");
  }

  function resetAll() {
    if (!window.confirm("Set every proposal back to undecided and drop edited replacements?")) { return; }
    proposals.forEach(function (p) {
      state.set(p.id, { verdict: null, replacement: p.edit.replacement });
    });
    save();
    draw();
    say("All proposals are undecided again.");
  }

  /* ---- wiring ---- */

  document.querySelectorAll(".js-only").forEach(function (element) { element.hidden = false; });
  ui.controls.hidden = false;
  var proposalsPane = byId("proposals");
  proposalsPane.addEventListener("click", onCardButton);
  proposalsPane.addEventListener("click", onEntityButton);
  proposalsPane.addEventListener("input", onReplacementInput);
  [ui.entity, ui.pass, ui.status].forEach(function (select) { select.addEventListener("change", draw); });
  ui.score.addEventListener("input", function () {
    ui.scoreValue.textContent = Number(ui.score.value).toFixed(2);
    draw();
  });
  ui.acceptShown.addEventListener("click", function () { bulkShown("accept"); });
  ui.rejectShown.addEventListener("click", function () { bulkShown("reject"); });
  ui.resetAll.addEventListener("click", resetAll);
  ui.exportButton.addEventListener("click", exportDecisions);

  var restored = load();
  draw();
  if (restored) {
    say("Restored " + restored + " decision" + (restored === 1 ? "" : "s") + " saved " +
        (remote ? "on the server." : "in this browser."));
  }
})();
