"""Whisper JSON: segment texts, word timings and the full text change together; nothing else."""

from __future__ import annotations

import json

import pytest

from correction.errors import FormatError
from correction.formats import read_document
from correction.io import read_text


def load(data_dir, name):
    path = str(data_dir / name)
    return read_document(read_text(path), path, "json")


def words_of(rendered: str, segment: int):
    words = json.loads(rendered)["segments"][segment]["words"]
    return [(w["word"], w["start"], w["end"], w["probability"]) for w in words]


@pytest.mark.parametrize("name", ["whisper.json", "whisper_words.json"])
def test_text_is_the_segment_texts_without_the_leading_space(data_dir, name):
    document = load(data_dir, name)
    assert document.text == "Bonjour, on parle d'Open AI.\nLe PDG d'OpenEye, Sam Altmann.\nChat GPT é."
    assert [(s.index, s.start_seconds, s.end_seconds) for s in document.segments] == [
        (0, 0.0, 2.48), (1, 2.48, 5.12), (2, 5.12, 6.0),
    ]
    assert document.render([]) == read_text(data_dir / name)


def test_edits_without_word_timings_keep_the_file_layout(data_dir, edit):
    document = load(data_dir, "whisper.json")
    rendered = document.render([edit(document.text, "OpenEye", "OpenAI"), edit(document.text, "é", "è")])
    source = read_text(data_dir / "whisper.json")
    # An ASCII-only file (json.dump's default) stays ASCII-only: new text is \u-escaped too.
    assert rendered == source.replace("d'OpenEye", "d'OpenAI").replace("\\u00e9", "\\u00e8")
    data = json.loads(rendered)
    assert data["text"] == " Bonjour, on parle d'Open AI. Le PDG d'OpenAI, Sam Altmann. Chat GPT è."
    assert data["segments"][1]["text"] == " Le PDG d'OpenAI, Sam Altmann."


def test_a_one_for_one_edit_keeps_the_word_timing(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    rendered = document.render([edit(document.text, "Altmann", "Altman")])
    assert words_of(rendered, 1)[-1] == (" Altman.", 4.2, 5.12, 0.55)
    assert rendered == read_text(data_dir / "whisper_words.json").replace("Altmann", "Altman")


def test_a_merge_takes_the_first_start_the_last_end_and_the_lowest_probability(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    rendered = document.render([edit(document.text, "Chat GPT", "ChatGPT")])
    assert words_of(rendered, 2) == [(" ChatGPT", 5.12, 5.8, 0.8), (" é.", 5.8, 6.0, 0.5)]
    data = json.loads(rendered)
    assert data["segments"][2]["text"] == " ChatGPT é."
    assert data["text"].endswith("Sam Altmann. ChatGPT é.")
    # the file keeps its indentation: it still reads as json.dumps(indent=2) wrote it
    assert rendered == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_a_merge_across_punctuation_keeps_it_in_the_word(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    rendered = document.render([edit(document.text, "Open AI", "OpenAI")])
    assert words_of(rendered, 0)[-1] == (" d'OpenAI.", 1.1, 2.48, 0.61)
    assert len(words_of(rendered, 0)) == 4


def test_a_split_shares_the_word_time_by_length(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    # " d'OpenEye," (3.0 .. 3.9) -> " d'Open Eye,": 6 and 4 characters share 0.9 s
    rendered = document.render([edit(document.text, "OpenEye", "Open Eye")])
    assert words_of(rendered, 1)[2:4] == [(" d'Open", 3.0, 3.54, 0.42), (" Eye,", 3.54, 3.9, 0.42)]
    assert words_of(rendered, 1)[4] == (" Sam", 3.9, 4.2, 0.97)


def test_deleting_a_word_removes_it(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    rendered = document.render([edit(document.text, " Sam", "")])
    assert [w[0] for w in words_of(rendered, 1)] == [" Le", " PDG", " d'OpenEye,", " Altmann."]
    json.loads(rendered)


def test_two_edits_in_one_word_group(data_dir, edit):
    document = load(data_dir, "whisper_words.json")
    rendered = document.render([edit(document.text, "Le", "La"), edit(document.text, "PDG", "CEO")])
    assert words_of(rendered, 1)[:2] == [(" La", 2.48, 2.6, 0.99), (" CEO", 2.6, 3.0, 0.9)]


def test_words_without_leading_spaces_and_without_timings(edit):
    # WhisperX style: words without the leading space; a word it could not align has no times.
    source = json.dumps({"segments": [{"start": 1, "end": 3, "text": " Open AI 4o", "words": [
        {"word": "Open", "start": 1.0, "end": 1.5, "score": 0.9},
        {"word": "AI", "start": 1.6, "end": 2.0, "score": 0.7},
        {"word": "4o"}]}]})
    document = read_document(source, "x.json", "json")
    assert document.text == "Open AI 4o" and document.segments[0].start_seconds == 1.0
    edits = [edit(document.text, "Open AI", "OpenAI"), edit(document.text, "4o", "4 o")]
    data = json.loads(document.render(edits))
    assert data["segments"][0]["words"] == [
        {"word": "OpenAI", "start": 1.0, "end": 2.0, "score": 0.7}, {"word": "4"}, {"word": "o"},
    ]
    assert "text" not in data


def test_words_that_do_not_match_the_text_are_left_alone(edit):
    source = json.dumps({"text": "elsewhere", "segments": [
        {"start": 0, "end": 1, "text": " Open AI", "words": [{"word": " Oben", "start": 0, "end": 1}]}]})
    document = read_document(source, "x.json", "json")
    data = json.loads(document.render([edit(document.text, "Open AI", "OpenAI")]))
    assert data["segments"][0] == {
        "start": 0, "end": 1, "text": " OpenAI", "words": [{"word": " Oben", "start": 0, "end": 1}],
    }
    assert data["text"] == " OpenAI"  # not found in order in the full text: rebuilt from segments


def test_an_edit_across_two_segments_is_refused(data_dir, edit_at):
    document = load(data_dir, "whisper.json")
    boundary = document.text.index("\n")
    with pytest.raises(ValueError, match="crosses a segment boundary"):
        document.render([edit_at(document.text, boundary - 2, boundary + 2, "x")])


def test_a_bom_is_kept(edit):
    source = '\ufeff{"segments": [{"text": " Open Eye"}]}'
    document = read_document(source, "x.json", "json")
    assert document.segments[0].start_seconds is None
    assert document.render([edit(document.text, "Open Eye", "OpenAI")]) == '\ufeff{"segments": [{"text": " OpenAI"}]}'


@pytest.mark.parametrize(
    "source, line, column",
    [("{", 1, 2), ('{"segments": [\n  {"text": "a"},\n]}', 3, 1), ('{"segments": []}\n{}', 2, 1), ("", 1, 1)],
)
def test_invalid_json_names_file_line_and_column(source, line, column):
    with pytest.raises(FormatError) as error:
        read_document(source, "bad.json", "json")
    # the wording after "invalid JSON:" is the json module's, which varies across Python versions
    assert str(error.value).startswith("bad.json:%d: invalid JSON: " % line)
    assert str(error.value).endswith("(column %d)" % column)


@pytest.mark.parametrize(
    "source, message",
    [
        ("[]", 'bad.json:1: expected a Whisper JSON object with a "segments" list'),
        ('{"text": "x"}', 'bad.json:1: expected a Whisper JSON object with a "segments" list'),
        ('{"text": 1, "segments": []}', 'bad.json:1: the top-level "text" must be a string'),
        ('{"segments": [\n  "hello"\n]}', "bad.json:2: segments[0]: expected an object"),
        ('{"segments": [\n  {"text": " a"},\n  {"text": 3}\n]}', 'bad.json:3: segments[1]: "text" must be a string'),
        ('{"segments": [\n  {"start": 0}\n]}', 'bad.json:2: segments[0]: "text" must be a string'),
        ('{"segments": [\n  {"text": " a",\n   "start": "0.0"}\n]}',
         "bad.json:3: segments[0].start: expected a number of seconds, found '0.0'"),
        ('{"segments": [{"text": " a", "end": NaN}]}',
         "bad.json:1: segments[0].end: expected a number of seconds, found nan"),
        ('{"segments": [{"text": " a", "words": {}}]}', "bad.json:1: segments[0].words: expected a list"),
        ('{"segments": [{"text": " a",\n "words": [{"w": " a"}]}]}',
         'bad.json:2: segments[0].words[0]: expected an object with a "word" string'),
        ('{"segments": [{"text": " a",\n "words": [{"word": " a", "start": true}]}]}',
         "bad.json:2: segments[0].words[0].start: expected a number of seconds, found True"),
    ],
)
def test_malformed_json_names_file_and_line(source, message):
    with pytest.raises(FormatError) as error:
        read_document(source, "bad.json", "json")
    assert str(error.value) == message


def test_a_segment_that_ends_before_it_starts_is_corrected_and_its_timings_kept(edit):
    # recognisers write such segments (openai/whisper#831); the words' timings stay as they were
    source = json.dumps({"text": " Open AI", "segments": [{"start": 9.0, "end": 3.0, "text": " Open AI", "words": [
        {"word": " Open", "start": 9.0, "end": 8.5}, {"word": " AI", "start": 8.5, "end": 3.0}]}]})
    document = read_document(source, "a.json", "json")
    assert [(s.start_seconds, s.end_seconds) for s in document.segments] == [(9.0, 3.0)]
    data = json.loads(document.render([edit(document.text, "Open AI", "OpenAI")]))
    assert data["segments"][0]["start"] == 9.0 and data["segments"][0]["end"] == 3.0
    assert data["segments"][0]["words"] == [{"word": " OpenAI", "start": 9.0, "end": 3.0}]
