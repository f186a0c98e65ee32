"""Plain text (.txt): the whole file is the text the engine corrects, as it is.

The text is the source itself (a BOM or CRLF line endings included), so edits apply to the
file directly; the document has one segment without timings.

>>> document = PlainTextFormat.read("le PDG d'OpenEye\\n", "a.txt")
>>> document.text == document.source, document.segments[0].start_seconds
(True, None)
"""

from __future__ import annotations

from .document import Document, Segment, TranscriptFormat
from .textmap import TextMapBuilder


class PlainTextFormat(TranscriptFormat):
    name = "txt"
    extensions = (".txt", ".text")
    description = "Plain text; the whole file is corrected."

    @classmethod
    def read(cls, source: str, path: str) -> Document:
        builder = TextMapBuilder(source)
        builder.copy(0, len(source))
        text_map = builder.build()
        return Document(source, text_map.text, cls.name, (Segment(0, None, None, source),), text_map)
