"""Proposals (the edits `correct` would make) and a reviewer's decisions on them.

A proposal file is an edit log written with the input's checksum (``correct --edits``); its
records are numbered 1, 2, ... in text order. A decisions file is JSON Lines, one object per
reviewed proposal: the proposal's fields, plus ``id``, ``decision`` (``accept`` or ``reject``)
and ``replacement`` (the text to apply; the reviewer may have edited it). Every record carries
``input_sha256``: decisions made for another version of the input are refused.

>>> from correction.edits import Edit, text_sha256
>>> text = "le PDG d'OpenEye"
>>> edit = Edit(9, 16, "OpenEye", "OpenAI", 1, 9, "OpenAI", "phonetic", 0.92, "sounds like OpenAI")
>>> decision = Decision(Proposal(1, edit, text_sha256(text)), "accept", "OpenAI")
>>> accepted_edits([decision], text, "talk.txt")[0].replacement
'OpenAI'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Sequence

from ..edits import Edit, read_edits_jsonl, text_sha256
from ..errors import InputError
from ..io import json_record

VERDICTS = ("accept", "reject")


@dataclass(frozen=True)
class Proposal:
    """One proposed edit, numbered in text order, for the input whose checksum it records."""

    id: int
    edit: Edit
    input_sha256: str

    def __post_init__(self) -> None:
        if self.id < 1:
            raise ValueError(f"Proposal.id: must be >= 1, got {self.id}")


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict on a proposal; ``replacement`` is what an accepted fix writes."""

    proposal: Proposal
    verdict: str
    replacement: str

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"Decision.verdict: {self.verdict!r} is not one of {', '.join(VERDICTS)}")

    @property
    def accepted(self) -> bool:
        return self.verdict == "accept"

    def to_json(self) -> str:
        record = asdict(self.proposal.edit)
        record.update(id=self.proposal.id, decision=self.verdict, replacement=self.replacement,
                      proposed=self.proposal.edit.replacement, input_sha256=self.proposal.input_sha256)
        return json.dumps(record, ensure_ascii=False)


def proposals_for(edits: Sequence[Edit], source: str) -> list[Proposal]:
    """Number ``edits`` in text order as proposals for ``source``."""
    checksum = text_sha256(source)
    return [Proposal(number, edit, checksum) for number, edit in enumerate(sorted(edits, key=lambda e: e.start), 1)]


def read_proposals(text: str, path: str) -> list[Proposal]:
    """Read a proposal file (an edit log written with ``input_sha256``)."""
    edits = read_edits_jsonl(text, path)
    checksums = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            checksum = json_record(line).get("input_sha256")
            if not checksum:
                raise InputError(path, "proposal without input_sha256 (write it with `correct --edits`)", line=number)
            checksums.append(checksum)
    ordered = sorted(zip(edits, checksums), key=lambda pair: pair[0].start)
    return [Proposal(number, edit, checksum) for number, (edit, checksum) in enumerate(ordered, 1)]


def write_decisions(decisions: Iterable[Decision]) -> str:
    return "".join(decision.to_json() + "\n" for decision in sorted(decisions, key=lambda d: d.proposal.id))


def read_decisions(text: str, path: str) -> list[Decision]:
    """Parse a decisions file; a bad record raises InputError naming the line."""
    decisions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json_record(line)
            proposed = dict(record, replacement=record.get("proposed", record.get("replacement")))
            edit = Edit.from_dict(proposed)  # its errors are a decision record's, not an edit log's
            proposal = Proposal(int(record["id"]), edit, str(record["input_sha256"]))
            decisions.append(Decision(proposal, str(record["decision"]), str(record["replacement"])))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(path, f"bad decision record: {error}", line=number) from None
    return decisions


def accepted_edits(decisions: Sequence[Decision], source: str, path: str) -> list[Edit]:
    """The accepted edits (with the reviewer's replacement), after checking they were made for ``source``."""
    checksum = text_sha256(source)
    for decision in decisions:
        if decision.proposal.input_sha256 != checksum:
            raise InputError(
                path,
                f"decisions were made for another version of the input (checksum "
                f"{decision.proposal.input_sha256[:12]}, input has {checksum[:12]}); nothing written",
            )
    latest = {decision.proposal.id: decision for decision in decisions}  # a later line overrides
    return [replace(d.proposal.edit, replacement=d.replacement) for d in latest.values() if d.accepted]
