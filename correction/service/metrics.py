"""Counters for ``GET /metrics``, in the Prometheus text format (version 0.0.4).

Requests and their latencies are counted here as they are answered; jobs by state and edits
made are read from the database when scraped, so they survive a restart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
"""Upper bounds (seconds) of the latency histogram's buckets."""


@dataclass
class Metrics:
    """The service's counters (one instance per app, on ``app.state``)."""

    requests: Counter = field(default_factory=Counter)  # (method, route, status) -> count
    latency_buckets: Counter = field(default_factory=Counter)  # (route, bound) -> count
    latency_sum: Counter = field(default_factory=Counter)  # route -> seconds
    latency_count: Counter = field(default_factory=Counter)  # route -> count
    index_builds: int = 0

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests[(method, route, status)] += 1
        self.latency_sum[route] += seconds
        self.latency_count[route] += 1
        for bound in BUCKETS:
            if seconds <= bound:
                self.latency_buckets[(route, bound)] += 1

    def render(self, jobs_by_state: dict[str, int], edits_made: int) -> str:
        """The exposition text: requests, latencies, jobs by state, edits made, index builds."""
        lines = ["# HELP correction_requests_total HTTP requests answered.",
                 "# TYPE correction_requests_total counter"]
        for (method, route, status), count in sorted(self.requests.items()):
            lines.append(f'correction_requests_total{{method="{method}",route="{_label(route)}",status="{status}"}} '
                         f"{count}")
        lines += ["# HELP correction_request_seconds Time to answer a request.",
                  "# TYPE correction_request_seconds histogram"]
        for route in sorted(self.latency_count):
            label = _label(route)
            for bound in BUCKETS:
                lines.append(f'correction_request_seconds_bucket{{route="{label}",le="{bound}"}} '
                             f"{self.latency_buckets[(route, bound)]}")
            lines.append(f'correction_request_seconds_bucket{{route="{label}",le="+Inf"}} {self.latency_count[route]}')
            lines.append(f'correction_request_seconds_sum{{route="{label}"}} {self.latency_sum[route]:.6f}')
            lines.append(f'correction_request_seconds_count{{route="{label}"}} {self.latency_count[route]}')
        lines += ["# HELP correction_jobs Jobs in the database, by state.", "# TYPE correction_jobs gauge"]
        lines += [f'correction_jobs{{state="{state}"}} {count}' for state, count in jobs_by_state.items()]
        lines += ["# HELP correction_edits_total Edits made by finished jobs.", "# TYPE correction_edits_total counter",
                  f"correction_edits_total {edits_made}",
                  "# HELP correction_index_builds_total Lexicon indexes built by the workers since the start.",
                  "# TYPE correction_index_builds_total counter", f"correction_index_builds_total {self.index_builds}"]
        return "\n".join(lines) + "\n"


def _label(value: str) -> str:
    """A label value escaped as the text format asks (backslash, quote, line feed)."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
