"""The unified view: the whole transcript file before and after the proposals, as a patch.

The diff is of the file content (``document.source`` -> ``document.render(edits)``), so for an
SRT or WebVTT file the hunks show the cue numbers and timings around each change, and the
output applies with ``patch -p1`` (labels ``a/INPUT`` and ``b/INPUT``, as git writes them).

>>> print(unified_diff("le PDG d'OpenEye\\n", "le PDG d'OpenAI\\n", "talk.txt"), end="")
--- a/talk.txt
+++ b/talk.txt
@@ -1 +1 @@
-le PDG d'OpenEye
+le PDG d'OpenAI
"""

from __future__ import annotations

import difflib

import click

NO_NEWLINE = "\\ No newline at end of file\n"
"""What diff and git write after a last line that has no line break, so that patch keeps it so."""

_STYLES = {"---": {"bold": True}, "+++": {"bold": True}, "@@": {"fg": "cyan"}, "-": {"fg": "red"}, "+": {"fg": "green"}}
"""Line prefix -> click.style arguments, longest prefixes first (as git colours a diff)."""


def unified_diff(before: str, after: str, label: str, *, color: bool = False, context: int = 3) -> str:
    """A unified diff of ``before`` -> ``after`` for the file ``label``; empty when they are equal."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{label}", tofile=f"b/{label}", n=context)
    out = []
    for line in lines:
        body, ending = (line[:-1], "\n") if line.endswith("\n") else (line, "\n" + NO_NEWLINE)
        if color:
            prefix = next((prefix for prefix in _STYLES if body.startswith(prefix)), None)
            body = click.style(body, **_STYLES[prefix]) if prefix else body
        out.append(body + ending)
    return "".join(out)
