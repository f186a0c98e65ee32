"""The resolver: non-overlapping candidates, best first, and a name's part yielding to the whole name."""

from correction.analysis import Span
from correction.candidates import Candidate
from correction.index import Surface
from correction.lexicon import Entry
from correction.resolve import resolve

ZUCKERBERG = Entry("Mark Zuckerberg", kind="person")


def candidate(first, last, text, role, score, pass_name="phonetic"):
    surface = Surface(0, text, text, ZUCKERBERG, role, text.lower())
    return Candidate(Span(first, last, 0, 0, "", ""), surface, score, pass_name, "test")


def test_higher_score_wins_an_overlap_then_the_longer_span():
    low, high = candidate(0, 2, "Mark Zuckerberg", "term", 0.85), candidate(1, 3, "Mark Zuckerberg", "term", 0.9)
    assert resolve([low, high]) == [high]
    short, long = candidate(0, 1, "Mark Zuckerberg", "term", 0.9), candidate(0, 2, "Mark Zuckerberg", "term", 0.9)
    assert resolve([short, long]) == [long]


def test_the_models_probability_goes_before_the_score():
    from dataclasses import replace

    likelier = replace(candidate(0, 2, "Mark Zuckerberg", "term", 0.85), probability=0.99)
    closer = replace(candidate(1, 3, "Mark Zuckerberg", "term", 0.9), probability=0.96)
    assert resolve([closer, likelier]) == [likelier]


def test_a_part_yields_to_the_whole_name_around_it_even_with_a_higher_score():
    part = candidate(1, 2, "Zuckerberg", "part", 1.0)
    whole = candidate(0, 2, "Mark Zuckerberg", "term", 0.96)
    assert resolve([part, whole]) == [whole]


def test_a_part_alone_or_of_another_entity_keeps_its_place():
    part = candidate(1, 2, "Zuckerberg", "part", 1.0)
    other = Candidate(Span(0, 3, 0, 0, "", ""), Surface(1, "Meta", "Meta", Entry("Meta"), "term", "meta"), 0.9, "fuzzy", "test")
    assert resolve([part]) == [part]
    assert resolve([part, other]) == [part]


def test_an_entity_the_transcript_names_goes_before_a_closer_one_it_never_names():
    named = Candidate(Span(0, 1, 0, 0, "", ""), Surface(1, "OpenAI", "OpenAI", Entry("OpenAI"), "term", "openai"),
                      0.8, "phonetic", "sounds like 'OpenAI'")
    closer = Candidate(Span(0, 1, 0, 0, "", ""), Surface(2, "Oppenheimer", "Oppenheimer", Entry("Oppenheimer"), "term",
                                                           "oppenheimer"), 0.83, "phonetic", "sounds like 'Oppenheimer'")
    assert resolve([named, closer]) == [closer]
    (winner,) = resolve([named, closer], named={"OpenAI"})
    assert winner.entity == "OpenAI" and winner.reason.endswith("chosen over 'Oppenheimer', closer but never named in "
                                                                 "the transcript")
    # a look-alike more than NAMED_MARGIN closer still wins
    much_closer = Candidate(closer.span, closer.surface, 0.95, "phonetic", "sounds like 'Oppenheimer'")
    assert resolve([named, much_closer], named={"OpenAI"}) == [much_closer]
    # text spelled exactly as a form is that form, whatever the transcript names
    exact = Candidate(Span(0, 1, 0, 0, "", ""), closer.surface, 1.0, "exact", "same letters")
    assert resolve([named, exact], named={"OpenAI"}) == [exact]


def test_among_the_models_kept_candidates_an_entity_the_transcript_names_goes_first():
    from dataclasses import replace

    openai = Candidate(Span(0, 1, 0, 0, "", ""), Surface(0, "OpenAI", "OpenAI", Entry("OpenAI"), "term", "openai"),
                       0.8, "phonetic", "test")
    oppenheimer = Candidate(Span(0, 1, 0, 0, "", ""),
                            Surface(1, "Oppenheimer", "Oppenheimer", Entry("Oppenheimer"), "term", "oppenheimer"),
                            0.83, "phonetic", "test")
    named, unnamed = replace(openai, probability=0.88), replace(oppenheimer, probability=0.97)
    (winner,) = resolve([unnamed, named], named={"OpenAI"})
    assert winner.entity == "OpenAI" and winner.reason.endswith(
        "chosen over 'Oppenheimer', likelier but never named in the transcript")
    assert resolve([unnamed, named]) == [unnamed]  # neither named: the likelier
    # a sure spelling, not decided, still goes before any decided candidate
    sure = replace(oppenheimer, score=1.0, pass_name="exact")
    assert resolve([named, sure], named={"OpenAI"}) == [sure]


def test_the_corrector_calls_a_swapped_resolver_with_the_entities_the_transcript_names():
    from correction import Corrector, Lexicon

    calls = []

    def keep_nothing(candidates, pass_names, named=()):
        calls.append((len(candidates), tuple(pass_names), set(named)))
        return []

    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman"]), resolver=keep_nothing)
    result = corrector.correct("Sam Altman revient chez OpenEye.")
    assert result.edits == () and result.text == "Sam Altman revient chez OpenEye."
    assert calls == [(1, ("exact", "fuzzy", "phonetic", "context"), {"Sam Altman"})]
