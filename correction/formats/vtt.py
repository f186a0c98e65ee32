"""WebVTT (.vtt) subtitles: a ``WEBVTT`` header, optional cue identifiers and cue settings.

Read with the cue scanner of :mod:`correction.formats.cues` rather than ``webvtt-py``, because
``webvtt-py`` re-writes the whole file on save and does not say where a cue's text sits in it
(see that module). The header block, NOTE, STYLE and REGION blocks, identifiers and cue
settings are kept byte-identical; tags (``<v Speaker>``, ``<c.loud>``, ``<00:00:01.500>``)
stay in place and are not part of the text. Character references (``&amp;``) are left as
written, in the text too.

>>> source = "WEBVTT\\n\\nNOTE made by whisper\\n\\nintro\\n00:01.000 --> 00:02.000 line:0\\n<v Ann>Open Eye\\n"
>>> document = WebVttFormat.read(source, "a.vtt")
>>> document.text, document.segments[0].start_seconds
('Open Eye', 1.0)
"""

from __future__ import annotations

import re

from .cues import CueFormat

_TIMESTAMP = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})\.(\d{1,3})"


class WebVttFormat(CueFormat):
    name = "vtt"
    extensions = (".vtt",)
    description = "WebVTT subtitles; only the cue text changes."
    timing = re.compile(rf"[ \t]*{_TIMESTAMP}[ \t]*-->[ \t]*{_TIMESTAMP}(?:[ \t].*)?")
    timing_example = "00:00:01.000 --> 00:00:02.500"
    header = "WEBVTT"
    skipped_blocks = ("NOTE", "STYLE", "REGION")
    markup = re.compile(r"<[^<>\n]*>")
    arrow_in_text = False
