"""`correction review` in a real terminal (a pty): keys read raw, colour on, decisions saved and resumed."""

import json
import os
import re
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from correction.edits import Edit, text_sha256, write_edits_jsonl

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

CORRECTION = Path(sys.executable).with_name("correction")
TEXT = "le PDG d'OpenEye parle\nà Salman Altman et à OpenEye\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Terminal:
    """A command running on a pty: type keys, wait for text (colour codes aside), collect all output."""

    def __init__(self, args, cwd, env=None):
        self.master, slave = os.openpty()
        environ = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
        environ.update(TERM="xterm", **(env or {}))
        self.process = subprocess.Popen([str(CORRECTION), *args], cwd=cwd, env=environ, stdin=slave, stdout=slave,
                                        stderr=slave, start_new_session=True)
        os.close(slave)
        self.raw = ""
        self.seen = 0

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:  # the command ended and closed the terminal
            return False
        self.raw += data.decode("utf-8", errors="replace")
        return bool(data)

    def expect(self, text, timeout=20):
        """Wait until ``text`` is shown after what earlier calls waited for."""
        deadline = time.monotonic() + timeout
        while True:
            plain = ANSI.sub("", self.raw)
            found = plain.find(text, self.seen)
            if found >= 0:
                self.seen = found + len(text)
                return
            if time.monotonic() > deadline or (not self._read(0.2) and self.process.poll() is not None):
                raise AssertionError(f"{text!r} not shown; the terminal shows:\n{plain}")

    def type(self, keys):
        """Type a line of text (the command is reading a line)."""
        os.write(self.master, keys.encode("utf-8"))

    def key(self, key, timeout=20):
        """Press one key once the command reads keys: click.getchar puts the terminal in raw mode
        and drops what was typed before, as a real terminal does, so typing early would be lost."""
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.master)[3] & termios.ICANON:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"the command does not read keys; the terminal shows:\n{self.raw}")
            time.sleep(0.01)
        os.write(self.master, key.encode("utf-8"))

    def wait(self, timeout=20):
        code = self.process.wait(timeout)
        while self._read(0.1):
            pass
        os.close(self.master)
        return code


@pytest.fixture
def talk(tmp_path):
    edits, cursor = [], 0
    for original, replacement, entity in [("OpenEye", "OpenAI", "OpenAI"), ("Salman", "Sam", "Sam Altman"),
                                          ("OpenEye", "OpenAI", "OpenAI")]:
        start = TEXT.index(original, cursor)
        cursor = start + len(original)
        line, column = TEXT.count("\n", 0, start) + 1, start - (TEXT.rfind("\n", 0, start) + 1)
        edits.append(Edit(start, cursor, original, replacement, line, column, entity, "fuzzy", 0.9, "why"))
    (tmp_path / "talk.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "p.jsonl").write_text(write_edits_jsonl(edits, text_sha256(TEXT)), encoding="utf-8")
    return tmp_path


def saved(folder):
    lines = (folder / "talk.txt.decisions.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["id"], r["decision"], r["replacement"], r["proposed"]) for r in map(json.loads, lines)]


def test_accept_edit_quit_then_resume_and_reject(talk):
    command = ["review", "talk.txt", "--edits", "p.jsonl", "--interactive"]
    terminal = Terminal(command, talk)
    terminal.expect("[1/3] #1  line 1  OpenAI")
    terminal.expect("q quit")
    terminal.key("a")
    terminal.expect("accepted #1")
    terminal.expect("[2/3] #2")
    terminal.key("e")
    terminal.expect("replacement [Sam]: ")
    terminal.type("Samuel\r")
    terminal.expect("accepted #2 as 'Samuel'")
    terminal.expect("[3/3] #3")
    terminal.key("q")
    assert terminal.wait() == 0
    assert click_red("OpenEye") in terminal.raw  # a terminal gets colour
    assert saved(talk) == [(1, "accept", "OpenAI", "OpenAI"), (2, "accept", "Samuel", "Sam")]

    terminal = Terminal(command, talk)
    terminal.expect("resuming: 2 of 3 decided")
    terminal.expect("[3/3] #3  line 2  OpenAI")
    terminal.key("u")
    terminal.expect("nothing to undo")              # earlier runs' decisions are kept
    terminal.key("r")
    terminal.expect("rejected #3")
    terminal.expect("0 left; decisions in talk.txt.decisions.jsonl")
    assert terminal.wait() == 0
    assert saved(talk) == [(1, "accept", "OpenAI", "OpenAI"), (2, "accept", "Samuel", "Sam"),
                           (3, "reject", "OpenAI", "OpenAI")]

    terminal = Terminal(["apply", "talk.txt", "talk.txt.decisions.jsonl"], talk)
    terminal.expect("le PDG d'OpenAI parle\r\nà Samuel Altman et à OpenEye\r\n")
    assert terminal.wait() == 0


def test_ctrl_c_quits_and_keeps_what_was_decided(talk):
    terminal = Terminal(["review", "talk.txt", "--edits", "p.jsonl", "--interactive"], talk)
    terminal.expect("[1/3]")
    terminal.key("A")
    terminal.expect("accepted #1, #3")
    terminal.expect("[3/3] #2")                     # the third decision, on proposal 2
    terminal.key("\x03")
    terminal.expect("2 accepted, 0 rejected, 1 left")
    assert terminal.wait() == 0
    assert saved(talk) == [(1, "accept", "OpenAI", "OpenAI"), (3, "accept", "OpenAI", "OpenAI")]


@pytest.mark.parametrize("env, coloured", [({}, True), ({"NO_COLOR": "1"}, False)])
def test_view_is_coloured_on_a_terminal_unless_no_color(talk, env, coloured):
    terminal = Terminal(["review", "talk.txt", "--edits", "p.jsonl"], talk, env)
    terminal.expect("3 proposals for talk.txt")
    assert terminal.wait() == 0
    assert (click_red("OpenEye") in terminal.raw) is coloured
    assert ("\x1b[" in terminal.raw) is coloured
    assert ("[-OpenEye-]{+OpenAI+}" in terminal.raw) is not coloured


def click_red(text):
    import click

    return click.style(text, fg="red", strikethrough=True)
