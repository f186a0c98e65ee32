"""The text-to-source map shared by plain text and subtitles: tags, line breaks, insertions."""

from __future__ import annotations

import re

import pytest

from correction.formats.textmap import TextMapBuilder

TAG = re.compile(r"<[^<>]*>")


def one_line_map(line: str, cue_lines: bool = False):
    builder = TextMapBuilder(line, TAG)
    builder.line(0, len(line))
    return builder.build(cue_lines=cue_lines)


@pytest.mark.parametrize(
    "line, original, replacement, expected",
    [
        # Tags at the edges of the edited span stay where they are.
        ("<i>OpenEye</i> says", "OpenEye", "OpenAI", "<i>OpenAI</i> says"),
        ("<v Ann>Open Eye", "Open Eye", "OpenAI", "<v Ann>OpenAI"),
        # Tags inside it are kept, in order, after the replacement.
        ("<i>Open</i> <i>Eye</i>", "Open Eye", "OpenAI", "<i>OpenAI</i><i></i>"),
        ("Open <b>Eye</b>!", "Open Eye", "OpenAI", "OpenAI<b></b>!"),
        ("Chat <00:00:05.500>GPT.", "Chat GPT", "ChatGPT", "ChatGPT<00:00:05.500>."),
        ("Open<i>Eye</i>", "OpenEye", "OpenAI", "OpenAI<i></i>"),
        # Insertions and deletions.
        ("<i>GPT</i>", "", "Chat", "<i>ChatGPT</i>"),
        ("a <i>b</i> c", "b ", "", "a <i></i>c"),
    ],
)
def test_edits_around_markup(edit, line, original, replacement, expected):
    text_map = one_line_map(line)
    assert text_map.render(line, [edit(text_map.text, original, replacement)]) == expected


def test_runs_cover_the_source_in_order():
    source = "1\r\nHi <i>there</i>\r\n\r\n2\r\nyou\r\n"
    builder = TextMapBuilder(source, TAG)
    builder.fixed("", 0, 3)
    builder.line(3, 18)
    builder.fixed("\n", 18, 25)
    builder.line(25, 28)
    text_map = builder.build()
    assert text_map.text == "Hi there\nyou"
    assert text_map.runs[0].source_start == 0 and text_map.runs[-1].source_end == len(source)
    for before, after in zip(text_map.runs, text_map.runs[1:]):
        assert before.source_end == after.source_start and before.text_end == after.text_start
    with pytest.raises(ValueError, match="does not follow"):
        builder.copy(40, 41)


def test_an_edit_across_a_line_break_is_refused(edit_at):
    source = "ab\r\ncd"
    builder = TextMapBuilder(source)
    builder.copy(0, 2)
    builder.fixed("\n", 2, 4)
    builder.copy(4, 6)
    text_map = builder.build()
    with pytest.raises(ValueError, match="crosses a line break"):
        text_map.render(source, [edit_at(text_map.text, 1, 4, "x")])


def test_subtitles_refuse_a_line_break_in_a_replacement(edit):
    text_map = one_line_map("Open Eye", cue_lines=True)
    with pytest.raises(ValueError, match="line break in the replacement"):
        text_map.render("Open Eye", [edit("Open Eye", "Open Eye", "Open\n\nAI")])


def test_subtitles_refuse_to_blank_a_line(edit):
    text_map = one_line_map("uh Open", cue_lines=True)
    with pytest.raises(ValueError, match="leaves a blank line"):
        text_map.render("uh Open", [edit("uh Open", "uh", " "), edit("uh Open", "Open", "")])
    # plain text does not care
    assert one_line_map("uh Open").render("uh Open", [edit("uh Open", "uh Open", "")]) == ""
