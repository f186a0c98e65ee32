"""The unified view: a patch of the whole file, that patch(1) applies."""

import shutil
import subprocess

import click
import pytest

from correction.review.unified import unified_diff

SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"


def test_hunk_keeps_cue_numbers_and_timings_as_context():
    after = SRT.replace("OpenEye", "OpenAI")
    assert unified_diff(SRT, after, "talk.srt") == (
        "--- a/talk.srt\n"
        "+++ b/talk.srt\n"
        "@@ -1,6 +1,6 @@\n"
        " 1\n"
        " 00:00:01,000 --> 00:00:03,000\n"
        "-le PDG d'OpenEye\n"
        "+le PDG d'OpenAI\n"
        " \n"
        " 2\n"
        " 00:00:03,500 --> 00:00:05,000\n"
    )


def test_last_line_without_a_line_break_is_marked():
    assert unified_diff("a\nOpenEye", "a\nOpenAI", "t.txt", context=0) == (
        "--- a/t.txt\n+++ b/t.txt\n@@ -2 +2 @@\n"
        "-OpenEye\n\\ No newline at end of file\n"
        "+OpenAI\n\\ No newline at end of file\n"
    )


def test_no_change_is_an_empty_diff():
    assert unified_diff(SRT, SRT, "talk.srt") == ""


def test_colour_only_styles_the_lines():
    plain = unified_diff(SRT, SRT.replace("Salman", "Sam"), "talk.srt")
    coloured = unified_diff(SRT, SRT.replace("Salman", "Sam"), "talk.srt", color=True)
    assert click.unstyle(coloured) == plain
    assert click.style("-parle à Salman", fg="red") + "\n" in coloured
    assert click.style("+parle à Sam", fg="green") + "\n" in coloured


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch(1) is not installed")
@pytest.mark.parametrize("before", [SRT, SRT.rstrip("\n"), "OpenEye\r\nfin\r\n"])
def test_patch_applies_it(tmp_path, before):
    after = before.replace("OpenEye", "OpenAI").replace("Salman", "Sam")
    (tmp_path / "talk.srt").write_bytes(before.encode("utf-8"))
    diff = unified_diff(before, after, "talk.srt")
    subprocess.run(["patch", "-p1", "--quiet", "--binary"], input=diff.encode("utf-8"), cwd=tmp_path, check=True)
    assert (tmp_path / "talk.srt").read_bytes() == after.encode("utf-8")
