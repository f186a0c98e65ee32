"""Whisper JSON (.json): ``{"text": ..., "segments": [{"start", "end", "text", "words"?}, ...]}``.

This is what ``whisper --output_format json`` writes (WhisperX and faster-whisper scripts write
the same shape; their words may lack the leading space or the timings). The text the engine corrects is the segment texts joined by "\\n", without the
space Whisper puts before each one (that space stays in the file).

Writing edits back changes only three kinds of JSON values, spliced into the original file so
everything else (other keys, number spelling, indentation, ``\\u`` escapes) stays byte-identical:

* the segment's ``"text"``;
* its ``"words"`` (when present): the words an edit touches (each with the spaces before it,
  as Whisper spells them: " Open", " AI") are re-cut from the corrected text.
  When as many words come out as went in, each keeps its timing. Otherwise the group's time
  span (first word's start to last word's end) is shared out in proportion to the new words'
  lengths in characters: a merge ("Open" "AI" -> "OpenAI") gets the first start and the last
  end, a split ("Openai" -> "Open AI") divides the span. A merged or split word's
  ``"probability"`` (or WhisperX ``"score"``) is the lowest of the group's; other keys come
  from the group's first word. New times are rounded to the millisecond.
* the top-level ``"text"``, edited at the same places (or, if the segment texts cannot be
  found in it in order, rebuilt as their concatenation, as Whisper builds it).

Segment-level ``"tokens"`` are left as they are: they are Whisper's token ids, not text.
Words that cannot be found in order in their segment's text are left unchanged.

Why no third-party parser: the standard ``json`` module validates (and gives the line of a
syntax error); :mod:`correction.formats.json_spans` then finds where each value sits.

>>> source = '{"text": " Open Eye.", "segments": [{"start": 0.0, "end": 1.5, "text": " Open Eye."}]}'
>>> document = WhisperJsonFormat.read(source, "a.json")
>>> document.text
'Open Eye.'
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from typing import Sequence

from ..edits import Edit
from ..errors import FormatError
from ..io import loads_json
from .document import Document, Segment, TranscriptFormat
from .json_spans import Node, scan

Change = tuple[int, int, str]  # replace text[start:end] with the string
_TOKEN = re.compile(r"\s*\S+")  # a word with the spaces before it
_CONFIDENCE_KEYS = ("probability", "score")


@dataclass(frozen=True)
class TimedWord:
    """A ``words`` entry; ``text[start:end]`` of its segment's full text is the word, together
    with the spaces before it (so the words of a segment tile its text, as Whisper writes them)."""

    node: Node
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class JsonSegment:
    """A segment object; its correctable text is ``Document.text[offset:offset + length]``."""

    node: Node
    text_node: Node
    lead: str
    offset: int
    length: int
    words: tuple[TimedWord, ...] | None  # None: no "words" list, or words not found in the text


def _splice(text: str, changes: Sequence[Change]) -> str:
    pieces, cursor = [], 0
    for start, end, replacement in changes:
        pieces += [text[cursor:start], replacement]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _number(node: Node | None) -> float | None:
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        return None
    return float(node.value) if math.isfinite(node.value) else None


@dataclass(frozen=True)
class WhisperLayout:
    """Where the segment texts, words and full text sit in the file; implements ``Layout``."""

    segments: tuple[JsonSegment, ...]
    top_text: Node | None
    top_offsets: tuple[int, ...] | None  # each segment's text in the top-level text, if in order
    ensure_ascii: bool  # an ASCII-only file gets "\u00e9" escapes, as json.dump writes by default

    def _dump(self, value: str | float) -> str:
        return json.dumps(value, ensure_ascii=self.ensure_ascii)

    def render(self, source: str, edits: Sequence[Edit]) -> str:
        offsets = [segment.offset for segment in self.segments]
        local: dict[int, list[Change]] = {}
        for edit in edits:
            number = bisect.bisect_right(offsets, edit.start) - 1
            segment = self.segments[number] if number >= 0 else None
            if segment is None or edit.end > segment.offset + segment.length:
                raise ValueError(f"edit at line {edit.line}, column {edit.column} crosses a segment boundary")
            local.setdefault(number, []).append(
                (edit.start - segment.offset, edit.end - segment.offset, edit.replacement)
            )
        changes: list[Change] = []
        new_texts = []
        top_changes: list[Change] = []
        for number, segment in enumerate(self.segments):
            old = segment.text_node.value
            if number not in local:
                new_texts.append(old)
                continue
            new = segment.lead + _splice(old[len(segment.lead) :], local[number])
            new_texts.append(new)
            changes.append((segment.text_node.start, segment.text_node.end, self._dump(new)))
            if segment.words:
                shift = len(segment.lead)
                edits_in_text = [(start + shift, end + shift, text) for start, end, text in local[number]]
                words_change = self._words_change(source, segment.words, edits_in_text, new)
                if words_change:
                    changes.append(words_change)
            if self.top_offsets is not None:
                shift = self.top_offsets[number] + len(segment.lead)
                top_changes += [(start + shift, end + shift, text) for start, end, text in local[number]]
        if self.top_text is not None:
            if self.top_offsets is not None:
                top = _splice(self.top_text.value, top_changes)
            else:
                top = "".join(new_texts)
            changes.append((self.top_text.start, self.top_text.end, self._dump(top)))
        return _splice(source, sorted(changes))

    def _words_change(
        self, source: str, words: Sequence[TimedWord], edits: list[Change], new_text: str
    ) -> Change | None:
        """The new content of a "words" array (between its first and last item).

        ``edits`` are in the segment's full text, which becomes ``new_text``.
        """
        groups: list[list[int]] = []  # [first word, last word, start, end] in the old text
        for start, end, _ in edits:
            hit = [i for i, word in enumerate(words)
                   if (word.start < end and word.end > start) or (start == end and word.start <= start <= word.end)]
            if not hit:
                continue  # only punctuation or spaces between words changed
            group = [hit[0], hit[-1], min(words[hit[0]].start, start), max(words[hit[-1]].end, end)]
            if groups and groups[-1][1] >= group[0]:
                last = groups[-1]
                group = [last[0], max(last[1], group[1]), min(last[2], group[2]), max(last[3], group[3])]
                groups[-1] = group
            else:
                groups.append(group)
        if not groups:
            return None

        def new_offset(old: int, is_end: bool) -> int:
            # Insertions at a group's edge belong to the group.
            shift = sum(len(text) - (end - start) for start, end, text in edits
                        if end <= old and (start < old or (is_end and start == old)))
            return old + shift

        spaced = any(word.text[:1].isspace() for word in words)
        items = [source[word.node.start : word.node.end] for word in words]
        for first, last, start, end in reversed(groups):
            text = new_text[new_offset(start, False) : new_offset(end, True)]
            items[first : last + 1] = self._regroup(source, words[first : last + 1], text, spaced)
        separator = source[words[0].node.end : words[1].node.start] if len(words) > 1 else ", "
        return (words[0].node.start, words[-1].node.end, separator.join(items))

    def _regroup(self, source: str, old: Sequence[TimedWord], text: str, spaced: bool) -> list[str]:
        """JSON objects for the words of ``text`` that replace the ``old`` words."""
        tokens = [token.group() for token in _TOKEN.finditer(text)]
        spellings = tokens if spaced else [token.lstrip() for token in tokens]
        if len(tokens) == len(old):  # one for one: every word keeps its timing
            return [
                self._word_object(source, word, {} if spelling == word.text else {"word": self._dump(spelling)})
                for word, spelling in zip(old, spellings)
            ]
        first, last = old[0].node.value, old[-1].node.value
        start, end = _number(first.get("start")), _number(last.get("end"))
        lengths = [len(token.strip()) for token in tokens]
        updates: list[dict[str, str]] = []
        for index, spelling in enumerate(spellings):
            update = {"word": self._dump(spelling)}
            if start is not None and end is not None:
                before, through = sum(lengths[:index]), sum(lengths[: index + 1])
                total = sum(lengths)
                update["start"] = (
                    source[first["start"].start : first["start"].end]
                    if index == 0 else self._dump(round(start + (end - start) * before / total, 3))
                )
                update["end"] = (
                    source[last["end"].start : last["end"].end]
                    if index == len(tokens) - 1 else self._dump(round(start + (end - start) * through / total, 3))
                )
            for key in _CONFIDENCE_KEYS:
                scores = [word.node.value.get(key) for word in old]
                if all(_number(node) is not None for node in scores):
                    lowest = min(scores, key=_number)
                    update[key] = source[lowest.start : lowest.end]
            updates.append(update)
        return [self._word_object(source, old[0], update) for update in updates]

    @staticmethod
    def _word_object(source: str, template: TimedWord, update: dict[str, str]) -> str:
        """The template word's JSON text with some values replaced (keys it lacks are not added)."""
        members = template.node.value
        changes = sorted(
            (members[key].start - template.node.start, members[key].end - template.node.start, literal)
            for key, literal in update.items()
            if key in members
        )
        return _splice(source[template.node.start : template.node.end], changes)


class WhisperJsonFormat(TranscriptFormat):
    name = "json"
    extensions = (".json",)
    description = "Whisper JSON (segments, optional word timings); texts and words change."

    @classmethod
    def read(cls, source: str, path: str) -> Document:
        body = 1 if source.startswith("\ufeff") else 0
        try:
            loads_json(source[body:])
        except json.JSONDecodeError as error:
            raise FormatError(path, f"invalid JSON: {error.msg} (column {error.colno})", line=error.lineno) from None
        try:  # the scanner recurses too, and from deeper in the stack than json.loads did
            root = scan(source, body)
        except RecursionError:
            raise FormatError(path, "invalid JSON: nested too deeply (more levels than the parser can hold)",
                              line=1) from None
        listed = root.value.get("segments") if isinstance(root.value, dict) else None
        if listed is None or not isinstance(listed.value, list):
            raise FormatError(path, 'expected a Whisper JSON object with a "segments" list', line=root.line(source))
        top_text = root.value.get("text")
        if top_text is not None and not isinstance(top_text.value, str):
            raise FormatError(path, 'the top-level "text" must be a string', line=top_text.line(source))
        segments: list[JsonSegment] = []
        timed: list[Segment] = []
        offset = 0
        for number, node in enumerate(listed.value):
            segment, times = _read_segment(source, path, number, node, offset)
            segments.append(segment)
            timed.append(Segment(number, *times, segment.text_node.value[len(segment.lead) :]))
            offset += segment.length + 1
        top_offsets = _find_in_order(top_text.value, [s.text_node.value for s in segments]) if top_text else None
        layout = WhisperLayout(tuple(segments), top_text, top_offsets, source.isascii())
        text = "\n".join(segment.text for segment in timed)
        return Document(source, text, cls.name, tuple(timed), layout)


def _read_segment(
    source: str, path: str, number: int, node: Node, offset: int
) -> tuple[JsonSegment, tuple[float | None, float | None]]:
    where = f"segments[{number}]"
    if not isinstance(node.value, dict):
        raise FormatError(path, f"{where}: expected an object", line=node.line(source))
    text_node = node.value.get("text")
    if text_node is None or not isinstance(text_node.value, str):
        raise FormatError(path, f'{where}: "text" must be a string', line=(text_node or node).line(source))
    times = tuple(_time(source, path, f"{where}.{key}", node.value.get(key)) for key in ("start", "end"))
    text = text_node.value
    lead = text[: len(text) - len(text.lstrip())]
    words_node = node.value.get("words")
    words = None
    if words_node is not None:
        if not isinstance(words_node.value, list):
            raise FormatError(path, f'{where}.words: expected a list', line=words_node.line(source))
        for index, word in enumerate(words_node.value):
            spelling = word.value.get("word") if isinstance(word.value, dict) else None
            if spelling is None or not isinstance(spelling.value, str):
                raise FormatError(path, f'{where}.words[{index}]: expected an object with a "word" string',
                                  line=word.line(source))
            for key in ("start", "end"):
                _time(source, path, f"{where}.words[{index}].{key}", word.value.get(key))
        words = _align_words(text, words_node.value)
    return JsonSegment(node, text_node, lead, offset, len(text) - len(lead), words), times


def _time(source: str, path: str, where: str, node: Node | None) -> float | None:
    if node is None or node.value is None:
        return None
    value = _number(node)
    if value is None:
        raise FormatError(path, f"{where}: expected a number of seconds, found {node.value!r}", line=node.line(source))
    return value


def _align_words(text: str, nodes: list[Node]) -> tuple[TimedWord, ...] | None:
    """Each word's place in the segment text, or None if they are not all there in order."""
    words = []
    cursor = 0
    for node in nodes:
        spelling = node.value["word"].value
        core = spelling.strip()
        found = text.find(core, cursor) if core else -1
        if found < 0:
            return None
        start = found
        while start > cursor and text[start - 1].isspace():  # the spaces before the word go with it
            start -= 1
        cursor = found + len(core)
        words.append(TimedWord(node, spelling, start, cursor))
    return tuple(words)


def _find_in_order(text: str, parts: list[str]) -> tuple[int, ...] | None:
    offsets = []
    cursor = 0
    for part in parts:
        found = text.find(part, cursor)
        if found < 0:
            return None
        offsets.append(found)
        cursor = found + len(part)
    return tuple(offsets)
