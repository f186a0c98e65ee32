"""The build stage: turn the written sentences and the heard cache into data sets like the dev set.

Two kinds of set, kept apart (a figure always says which it comes from):

* ``whole``: a sentence spoken whole and heard whole. The raw line is what the recogniser wrote;
  each name whose neighbours were heard exactly becomes a gold edit (or a correct name, when it
  was heard right); a sentence with one unsure name is left out.
* ``spliced``: the sentence as written, each name replaced by what the recogniser heard for it in
  a carrier phrase. The ordinary words are right, as in real transcripts; the names carry real
  mishearings. The lines come in episodes (``episodes.jsonl``), each a transcript of its own about
  a few entities, as a podcast is.

Name-free sentences are traps in both: any change to them is a false fire.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from correction.probe.carriers import elides_before, heard_name
from correction.probe.heard import heard_names, minimal_edit
from correction.probe.splice import splice

from . import plan, settings, sources
from .hear import HeardCache
from .plan import Utterance

OUT = Path(__file__).resolve().parents[1] / "data" / "asr-loop"


@dataclass
class SetBuilder:
    """The lines of one data set and their gold, collected in order."""

    lang: str
    domain: str
    kind: str
    lines: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    edits: list[dict] = field(default_factory=list)
    correct: list[dict] = field(default_factory=list)
    traps: list[dict] = field(default_factory=list)
    episodes: list[dict] = field(default_factory=list)

    def add(self, raw: str, spans: list[tuple[int, int, sources.Entity, str, str]]) -> None:
        """A line and its names: (start, end, entity, what was said, why) in ``raw``; none for a
        name-free line. What was said is the entity's term, or a part of a person's name ("Macron").

        A gold edit covers only the words heard wrong, as in the dev set ("Satya Namella" gives
        "Namella" -> "Nadella"): words already right at either end of the name are left out.
        """
        number = len(self.lines) + 1
        reference = raw
        for start, end, entity, said, why in sorted(spans, key=lambda span: -span[0]):
            reference = reference[:start] + said + reference[end:]
        for start, end, entity, said, why in sorted(spans, key=lambda span: span[0]):
            heard = raw[start:end]
            if heard == said:
                self.correct.append({"line": number, "start": start, "end": end, "text": heard,
                                     "entity": entity.term})
                continue
            start, end, gold = minimal_edit(raw, start, end, said)
            self.edits.append({"line": number, "start": start, "end": end, "raw": raw[start:end], "gold": gold,
                               "entity": entity.term, "kind": entity.kind, "confidence": "sure",
                               "why": why, "class": edit_class(raw[start:end], gold)})
        if not spans:
            self.traps.append({"line": number, "start": 0, "end": len(raw), "text": raw,
                               "why": "name-free sentence: any change is a false fire"})
        self.lines.append(raw)
        self.references.append(reference)

    def add_episode(self, rows: list[tuple[str, list]], cast: list[str]) -> None:
        """Lines that make one transcript of their own, about ``cast``."""
        first = len(self.lines) + 1
        for raw, spans in rows:
            self.add(raw, spans)
        self.episodes.append({"episode": len(self.episodes) + 1, "first_line": first,
                              "last_line": len(self.lines), "cast": cast})

    def write(self, root: Path) -> dict:
        folder = root / self.kind / f"{self.lang}-{self.domain}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "raw.txt").write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        (folder / "reference.txt").write_text("\n".join(self.references) + "\n", encoding="utf-8")
        records_of = {"edits": self.edits, "correct": self.correct, "traps": self.traps}
        if self.episodes:
            records_of["episodes"] = self.episodes
        for name, records in records_of.items():
            (folder / f"{name}.jsonl").write_text(
                "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
        (folder / "lexicon.csv").write_text(lexicon_csv(self.domain), encoding="utf-8")
        names = len(self.edits) + len(self.correct)
        return {"set": f"{self.kind}/{self.lang}-{self.domain}", "split": settings.split_of(self.domain),
                "lines": len(self.lines), "sentences_with_names": len(self.lines) - len(self.traps),
                "names": names, "misheard": len(self.edits), "name_free": len(self.traps),
                "words": sum(len(line.split()) for line in self.lines), "episodes": len(self.episodes) or 1}


def edit_class(heard: str, term: str) -> str:
    """``spacing_casing`` when only spaces, hyphens or case differ; ``phonetic`` otherwise."""
    squash = lambda text: re.sub(r"[\s\-]", "", text).lower()  # noqa: E731
    return "spacing_casing" if squash(heard) == squash(term) else "phonetic"


def lexicon_csv(domain: str) -> str:
    """The set's canonical-only lexicon: every entity of the domain, distractors included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "kind"])
    for entity in sources.lexicon(domain):
        writer.writerow([entity.term, entity.kind])
    return buffer.getvalue()


def heard_forms(lang: str, domain: str, cache: HeardCache, recogniser: str
                ) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Per (entity, what was said: its term or a part of it), the sure heard forms from its
    carriers, each with the voice that said it."""
    from correction.probe.carriers import fill

    forms: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for entity, said, carrier, voice in plan.carrier_plan(lang, domain):
        heard = cache.get(Utterance(fill(carrier, said, lang), voice, lang), recogniser)
        if heard is None:
            continue
        span = heard_name(carrier, said, lang, heard)
        if span is not None:
            forms.setdefault((entity.term, said), []).append((span.text, voice))
    return forms


def said_for(entity: sources.Entity, lang: str, forms: dict, rng) -> str:
    """What a sentence says for ``entity``: its term, or now and then (persons only) its first
    name or surname alone, when that part was heard and needs the same French elision before it."""
    if entity.kind != "person" or rng.random() >= settings.PART_MENTION_SHARE:
        return entity.term
    parts = [part for part in sources.name_parts(entity)
             if (entity.term, part) in forms and elides_before(part, lang) == elides_before(entity.term, lang)]
    return rng.choice(parts) if parts else entity.term


def cast_of(heard: list[sources.Entity], rng) -> list[sources.Entity]:
    """The entities an episode is about: a few persons, one of each other kind, and others drawn
    until the cast has its least size."""
    by_kind: dict[str, list[sources.Entity]] = {}
    for entity in heard:
        by_kind.setdefault(entity.kind, []).append(entity)
    cast: list[sources.Entity] = []
    for kind, members in by_kind.items():
        wanted = settings.CAST["person"] if kind == "person" else settings.CAST["other_kinds"]
        cast += rng.sample(members, min(wanted, len(members)))
    rest = [entity for entity in heard if entity not in cast]
    return cast + rng.sample(rest, min(len(rest), max(0, settings.CAST["least"] - len(cast))))


def episode_rows(lang: str, domain: str, cast: list[sources.Entity], heard: list[sources.Entity],
                 forms: dict, rng, parts_rng, seen: set[str]) -> list[tuple[str, list]]:
    """The sentences of one episode: templates filled from its cast (now and then from the whole
    domain), each name spliced in as one of the few ways it is heard in this episode."""
    templates = sources.templates(lang, domain)
    own_forms: dict[tuple[str, str], list] = {}
    rows: list[tuple[str, list]] = []
    for _ in range(50 * settings.SENTENCES_PER_EPISODE):
        if len(rows) == settings.SENTENCES_PER_EPISODE:
            break
        pool = heard if rng.random() < settings.OUTSIDE_CAST_SHARE else cast
        written = sources.fill(rng.choice(templates), domain, lang, pool, rng)
        if written is None:
            continue
        said = [said_for(mention.entity, lang, forms, parts_rng) for mention in written.mentions]
        picks = []
        for mention, part in zip(written.mentions, said):
            key = (mention.entity.term, part)
            if key not in own_forms:
                own_forms[key] = rng.sample(forms[key], min(settings.HEARD_FORMS_PER_EPISODE, len(forms[key])))
            picks.append(rng.choice(own_forms[key]))
        raw, ranges = splice(written.text, [(m.start, m.end) for m in written.mentions],
                             [heard_form for heard_form, _voice in picks], lang)
        spans = [(start, end, mention.entity, part,
                  f"heard as {heard_form!r} in a carrier phrase ({voice}), spliced in"
                  + ("" if part == mention.entity.term else f"; the sentence says {part!r} alone"))
                 for (start, end), mention, part, (heard_form, voice) in zip(ranges, written.mentions, said, picks)]
        if raw not in seen:
            seen.add(raw)
            rows.append((raw, spans))
    return rows


def build_spliced(lang: str, domain: str, cache: HeardCache, recogniser: str) -> SetBuilder:
    rng = plan.rng_for(lang, domain, "spliced")
    # which mentions say a part is drawn from a generator of its own
    parts_rng = plan.rng_for(lang, domain, "parts")
    forms = heard_forms(lang, domain, cache, recogniser)
    heard = [entity for entity in sources.lexicon(domain) if entity.named and (entity.term, entity.term) in forms]
    seen: set[str] = set()
    episodes = []
    for _ in range(settings.EPISODES[lang]):
        cast = cast_of(heard, rng)
        rows = episode_rows(lang, domain, cast, heard, forms, rng, parts_rng, seen)
        if len(rows) < settings.SENTENCES_PER_EPISODE // 2:
            break  # the domain's heard forms are used up: new sentences would repeat old ones
        episodes.append((cast, rows))
    for text in plan.name_free_share(lang, domain)[: settings.NAME_FREE_PER_DOMAIN]:
        rows = rng.choice(episodes)[1]
        rows.insert(rng.randrange(len(rows) + 1), (text, []))
    builder = SetBuilder(lang, domain, "spliced")
    for cast, rows in episodes:
        builder.add_episode(rows, [entity.term for entity in cast])
    return builder


def build_whole(lang: str, domain: str, cache: HeardCache, recogniser: str) -> tuple[SetBuilder, int]:
    """The whole-sentence set, and how many heard sentences were left out for an unsure name."""
    builder = SetBuilder(lang, domain, "whole")
    left_out = 0
    for written, voice in plan.whole_plan(lang, domain):
        heard = cache.get(Utterance(written.text, voice, lang), recogniser)
        if heard is None or not heard.strip():
            continue
        if not written.mentions:
            builder.add(heard, [])
            continue
        found = heard_names(written.text, [(m.start, m.end) for m in written.mentions], heard)
        if found is None:
            left_out += 1
            continue
        spans = [(span.start, span.end, mention.entity, mention.entity.term, f"heard whole as {span.text!r} ({voice})")
                 for span, mention in zip(found, written.mentions)]
        builder.add(heard, spans)
    return builder, left_out


def build_all(root: Path = OUT, log=print) -> list[dict]:
    from correction.probe.recognizer import signature

    recogniser = signature()
    summary = []
    for lang in settings.LANGS:
        cache = HeardCache(lang)
        for domain in settings.DOMAINS:
            spliced = build_spliced(lang, domain, cache, recogniser)
            summary.append(spliced.write(root))
            whole, left_out = build_whole(lang, domain, cache, recogniser)
            summary.append({**whole.write(root), "left_out_unsure": left_out})
            log(f"{lang}-{domain}: spliced {summary[-2]['lines']} lines, whole {summary[-1]['lines']} "
                f"({left_out} left out)")
    settings_record = {
        "seed": settings.SEED, "langs": settings.LANGS, "fit_domains": settings.FIT_DOMAINS,
        "measure_domains": settings.MEASURE_DOMAINS,
        "voices": {f"{lang}/{split}": list(voices) for (lang, split), voices in settings.VOICES.items()},
        "episodes": settings.EPISODES, "sentences_per_episode": settings.SENTENCES_PER_EPISODE,
        "cast": settings.CAST, "outside_cast_share": settings.OUTSIDE_CAST_SHARE,
        "heard_forms_per_episode": settings.HEARD_FORMS_PER_EPISODE,
        "part_mention_share": settings.PART_MENTION_SHARE,
        "part_carriers_per_voice": settings.PART_CARRIERS_PER_VOICE,
        "whole_sentences_per_domain": settings.WHOLE_SENTENCES_PER_DOMAIN,
        "name_free_per_domain": settings.NAME_FREE_PER_DOMAIN, "recogniser": recogniser,
        "sets": summary,
    }
    (root / "settings.json").write_text(json.dumps(settings_record, indent=1, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    return summary

