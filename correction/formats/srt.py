"""SubRip (.srt) subtitles: numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm`` timings.

Read with the cue scanner of :mod:`correction.formats.cues` rather than the ``srt`` package,
because ``srt`` does not say where a cue's text sits in the file (see that module). Like
``srt``, it accepts a "." for the "," and a cue without its number; unlike ``srt``, a block
that is neither a cue nor a blank line is an error, not text glued to the previous cue.

>>> document = SrtFormat.read("1\\r\\n00:00:01,000 --> 00:00:02,000\\r\\n<i>Open Eye</i>\\r\\n", "a.srt")
>>> document.text, document.segments[0].end_seconds
('Open Eye', 2.0)
"""

from __future__ import annotations

import re

from .cues import CueFormat

_TIMESTAMP = r"(\d+):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?"


class SrtFormat(CueFormat):
    name = "srt"
    extensions = (".srt",)
    description = "SubRip subtitles; only the cue text changes."
    timing = re.compile(rf"[ \t]*{_TIMESTAMP}[ \t]*-->[ \t]*{_TIMESTAMP}(?:[ \t].*)?")
    timing_example = "00:00:01,000 --> 00:00:02,500"
    numbered = True
    # HTML-like tags (<i>, <font color="...">) and ASS override codes ({\an8}).
    markup = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
