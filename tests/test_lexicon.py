import pandas as pd
import pytest

from correction.errors import LexiconError
from correction.lexicon import Entry, Lexicon, default_lexicon_path, write_table


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_list_ignores_comments_and_blank_lines(tmp_path):
    path = write(tmp_path, "terms.txt", "# episode 12\nOpenAI\n\n  Sam Altman  \n")
    lexicon = Lexicon.load(path)
    assert [entry.term for entry in lexicon] == ["OpenAI", "Sam Altman"]
    assert lexicon.entries[1].source == (str(path), 4)


def test_table_reads_every_column(tmp_path):
    path = write(tmp_path, "terms.csv",
                 "term,aliases,sounds_like,kind,lang,context\n"
                 "Emmett Shear,Emmet Shear,émette chire,person,,twitch|ceo\n"
                 "IA,,,term,fr,\n")
    shear, ia = Lexicon.load(path)
    assert shear == Entry("Emmett Shear", ("Emmet Shear",), ("émette chire",), "person", "", ("twitch", "ceo"),
                          source=(str(path), 2))
    assert ia.lang == "fr" and ia.kind == "term"


def test_tsv_and_optional_columns(tmp_path):
    path = write(tmp_path, "terms.tsv", "term\tkind\nQuora\torg\n")
    assert Lexicon.load(path).entries[0].kind == "org"


def test_several_lexicons_merge_duplicates(tmp_path):
    first = write(tmp_path, "a.csv", "term,aliases\nOpenAI,Open AI\n")
    second = write(tmp_path, "b.csv", "term,aliases,context\nopenai,OpenEye,gpt\n")
    lexicon = Lexicon.load(first, second)
    assert len(lexicon) == 1
    assert lexicon.entries[0].aliases == ("Open AI", "OpenEye")
    assert lexicon.entries[0].context == ("gpt",)
    assert lexicon.name == "a.csv+b.csv"


def test_alias_claimed_by_two_terms_is_a_warning_naming_both_rows(tmp_path):
    path = write(tmp_path, "terms.csv", "term,aliases\nMeta,Metta\nMetaculus,Metta\n")
    with pytest.warns(UserWarning):
        lexicon = Lexicon.load(path)
    assert lexicon.warnings == (
        f"{path}:3: 'Metta' of 'Metaculus' is also claimed by 'Meta' ({path}:2)",
    )


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("bad.csv", "name,kind\nOpenAI,org\n", "bad.csv:1: no 'term' column in the header row"),
        ("bad.csv", "term,kind\nOpenAI,org\n,person\n", "bad.csv:3: row without a term"),
        ("bad.csv", "term,kind\nOpenAI,org\n!!!,person\n", "bad.csv:3: term '!!!' has no letter or digit"),
        ("bad.txt", "OpenAI\n--\n", "bad.txt:2: term '--' has no letter or digit"),
        ("bad.csv", "term,kind\n", "bad.csv: no term: a lexicon needs at least one"),
        ("bad.txt", "# only a comment\n", "bad.txt: no term: a lexicon needs at least one"),
        ("bad.csv", "term,lang\nOpenAI,de\n", "bad.csv:2: lang 'de' is not fr, en or empty"),
        ("bad.csv", "term,colour\nOpenAI,red\n", "bad.csv:1: unknown column(s) colour"),
        ("bad.json", "[]", "bad.json: unknown lexicon format '.json'"),
    ],
)
def test_bad_lexicons_name_the_file_and_line(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(LexiconError) as error:
        Lexicon.load(path)
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]) + message[len(message.split(":")[0]):])


def test_missing_and_non_utf8_lexicons(tmp_path):
    with pytest.raises(Exception, match="no such file"):
        Lexicon.load(tmp_path / "nope.txt")
    path = tmp_path / "latin1.txt"
    path.write_bytes("Société\n".encode("latin-1"))
    with pytest.raises(Exception, match=r"latin1.txt:1: not valid UTF-8"):
        Lexicon.load(path)


def test_write_table_round_trips(tmp_path):
    entries = [Entry("Emmett Shear", ("Emmet Shear",), ("émette chire",), "person", "", ("twitch",))]
    path = write(tmp_path, "out.csv", write_table(entries))
    assert [(e.term, e.aliases, e.sounds_like, e.kind, e.context) for e in Lexicon.load(path)] == [
        ("Emmett Shear", ("Emmet Shear",), ("émette chire",), "person", ("twitch",))
    ]


def test_hash_depends_on_content_not_file_name(tmp_path):
    first = write(tmp_path, "a.txt", "OpenAI\n")
    second = write(tmp_path, "b.txt", "OpenAI\n")
    assert Lexicon.load(first).sha256 == Lexicon.load(second).sha256
    assert Lexicon.load(first).sha256 != Lexicon.from_terms(["Quora"]).sha256


def test_default_lexicon_is_large_typed_and_well_formed():
    table = pd.read_csv(default_lexicon_path(), dtype=str, keep_default_na=False)
    assert len(table) >= 300
    assert table.term.str.lower().is_unique
    assert set(table.kind) <= {"person", "org", "product", "model", "term", "media", "place", "project", "event"}
    assert set(table.lang) <= {"", "fr", "en"}
    lexicon = Lexicon.default()
    assert len(lexicon) == len(table) and not lexicon.warnings
    for name in ["OpenAI", "Sam Altman", "Satya Nadella", "Mira Murati", "Emmett Shear", "Ilya Sutskever"]:
        assert name in {entry.term for entry in lexicon}


def test_restricted_to_language():
    lexicon = Lexicon.from_entries([Entry("IA", lang="fr"), Entry("AI", lang="en"), Entry("OpenAI")])
    assert [entry.term for entry in lexicon.restricted_to("fr")] == ["IA", "OpenAI"]


def test_negatives_are_never_rewritten_to_their_term(tmp_path):
    from correction import Corrector

    path = write(tmp_path, "terms.csv", "term,negatives\nOpenAI,OpenEye\n")
    lexicon = Lexicon.load(path)
    assert lexicon.entries[0].negatives == ("OpenEye",)
    assert Corrector(lexicon).correct("le PDG d'OpenEye et d'OpaneAie").text == "le PDG d'OpenEye et d'OpenAI"
