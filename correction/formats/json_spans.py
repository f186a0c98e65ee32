"""Where each value of a JSON document sits in its text: ``json.loads`` says what, not where.

Only used on text that ``json.loads`` has accepted, so it does not report syntax errors.

>>> root = scan('{"text": " hi", "n": [1, 2.5]}')
>>> root.value["text"].value, root.value["text"].start, root.value["text"].end
(' hi', 9, 14)
>>> [item.value for item in root.value["n"].value]
[1, 2.5]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import Union

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None, "NaN": float("nan"),
             "Infinity": float("inf"), "-Infinity": float("-inf")}

Value = Union[dict, list, str, int, float, bool, None]


@dataclass(frozen=True)
class Node:
    """A JSON value at ``source[start:end]``; objects hold ``{key: Node}``, arrays ``[Node]``."""

    start: int
    end: int
    value: Value

    def line(self, source: str) -> int:
        """1-based line of the value's first character, for error messages."""
        return source.count("\n", 0, self.start) + 1


def scan(source: str, position: int = 0) -> Node:
    """The value that starts at ``position`` (leading whitespace skipped)."""
    node, _ = _value(source, _SPACE.match(source, position).end())
    return node


def _value(source: str, start: int) -> tuple[Node, int]:
    char = source[start]
    if char == "{":
        return _container(source, start, "}", keyed=True)
    if char == "[":
        return _container(source, start, "]", keyed=False)
    if char == '"':
        text, end = scanstring(source, start + 1)
        return Node(start, end, text), end
    number = _NUMBER.match(source, start)
    if number and number.end() > start:
        literal = number.group()
        value = float(literal) if number.group(1) or number.group(2) else int(literal)
        return Node(start, number.end(), value), number.end()
    for literal, value in _LITERALS.items():
        if source.startswith(literal, start):
            return Node(start, start + len(literal), value), start + len(literal)
    raise ValueError(f"not JSON at offset {start}")


def _container(source: str, start: int, closing: str, keyed: bool) -> tuple[Node, int]:
    members: dict[str, Node] = {}
    items: list[Node] = []
    position = _SPACE.match(source, start + 1).end()
    while source[position] != closing:
        if keyed:
            key, position = scanstring(source, position + 1)
            position = _SPACE.match(source, position).end() + 1  # the ":"
            position = _SPACE.match(source, position).end()
        node, position = _value(source, position)
        if keyed:
            members[key] = node
        else:
            items.append(node)
        position = _SPACE.match(source, position).end()
        if source[position] == ",":
            position = _SPACE.match(source, position + 1).end()
    end = position + 1
    return Node(start, end, members if keyed else items), end
