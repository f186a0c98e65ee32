/* Decisions kept on the server, for the review page served by `correction serve`.
 * Loaded before report.js, only on a served page: report.js then restores the decisions saved
 * on the server (embedded in the page data) and calls save() here after every change. */
(function () {
  "use strict";

  var link = JSON.parse(document.getElementById("review-data").textContent).server;
  // One PUT at a time, each with every decision: a change made while one is under way is sent
  // after it, so the last state the editor saw is the one the server keeps.
  var sending = false;
  var sendAgain = false;

  function load(proposals, state) {
    var restored = 0;
    link.decisions.forEach(function (saved) {
      var s = state.get(saved[0]);
      if (!s) { return; }
      s.verdict = saved[1];
      s.replacement = saved[2];
      restored += 1;
    });
    return restored;
  }

  function save(proposals, state, say) {
    if (sending) { sendAgain = true; return; }
    sending = true;
    document.body.setAttribute("data-saved", "saving");
    var decided = proposals.filter(function (p) { return state.get(p.id).verdict !== null; });
    var body = JSON.stringify({ decisions: decided.map(function (p) {
      var s = state.get(p.id);
      return { id: p.id, decision: s.verdict, replacement: s.replacement };
    }) });
    window.fetch(link.decisions_url, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-Review-Key": link.key },
      body: body
    }).then(function (response) {
      if (response.ok) { return "saved"; }
      return response.json().then(function (error) { return error.detail; }, function () {
        return "HTTP " + response.status;
      });
    }, function (error) {
      return String(error);
    }).then(function (outcome) {
      sending = false;
      if (sendAgain) { sendAgain = false; save(proposals, state, say); return; }
      document.body.setAttribute("data-saved", outcome === "saved" ? "saved" : "failed");
      if (outcome !== "saved") { say("Not saved on the server: " + outcome); }
    });
  }

  window.correctionReviewRemote = { load: load, save: save };
})();
