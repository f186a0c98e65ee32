"""`correction score` through the command group: outputs, JSON, exit codes and exact error lines."""

from __future__ import annotations

import json
from pathlib import Path

import jiwer
import pytest
from click.testing import CliRunner

from correction.cli import main
from correction.scoring.edits import edits_from_gold, load_gold
from correction.scoring.normalize import NORMALIZERS
from correction.edits import write_edits_jsonl

DATA = Path(__file__).parent.parent / "data" / "scoring"
SEED = Path(__file__).parents[2] / "benchmarks" / "data" / "seed"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["score", *map(str, args)], input=input)


def data(name: str) -> str:
    return str(DATA / name)


# transcripts --------------------------------------------------------------------------------


def test_table_for_people():
    result = run(data("reference.txt"), data("hypothesis.txt"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "normalise   basic: lower case" in out
    assert "unit        aligned line by line (3 lines)" in out
    assert "WER      21.05%    16    3    0    1   19" in out
    assert "B-WER" not in out
    assert "signature   metric:wer|norm:basic|lex:none|unit:line|jiwer:" in out


@pytest.mark.parametrize("normalize", list(NORMALIZERS))
def test_printed_wer_equals_jiwer_on_the_normalised_strings(normalize):
    result = run(data("reference.txt"), data("hypothesis.txt"), "--normalize", normalize, "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    normalizer = NORMALIZERS[normalize]
    ref = normalizer.many((DATA / "reference.txt").read_text(encoding="utf-8").splitlines())
    hyp = normalizer.many((DATA / "hypothesis.txt").read_text(encoding="utf-8").splitlines())
    assert printed["wer"] == jiwer.wer(ref, hyp)
    assert printed["cer"] == jiwer.cer(ref, hyp)
    assert printed["normalize"] == normalize
    assert printed["signature"]["normalize"] == normalize


def test_json_with_lexicon_has_b_wer_entities_and_signature():
    result = run(data("reference.txt"), data("hypothesis.txt"), "--normalize", "fr", "--lexicon", data("lexicon.csv"),
                 "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["biased"]["b_wer"] == pytest.approx(3 / 7)
    assert printed["biased"]["u_wer"] == pytest.approx(1 / 13)
    assert {row["entity"]: row["right"] for row in printed["biased"]["entities"]} == {
        "OpenAI": 0, "Microsoft": 1, "Sam Altman": 0, "Satya Nadella": 1}
    signature = printed["signature"]
    assert (signature["lexicon"], signature["unit"], signature["version"]) == ("lexicon.csv", "line", "0.1.0")
    assert len(signature["lexicon_sha256"]) == 12
    assert signature["text"].startswith(f"metric:wer|norm:fr|lex:lexicon.csv@{signature['lexicon_sha256']}|")
    assert (printed["reference_format"], printed["hypothesis_format"]) == ("txt", "txt")


def test_table_with_lexicon():
    result = run(data("reference.txt"), data("hypothesis.txt"), "--normalize", "fr", "--lexicon", data("lexicon.csv"))
    assert result.exit_code == 0, result.output
    assert "B-WER    42.86%     4    3    0    0    7" in result.stdout
    assert "U-WER     7.69%    13    0    0    1   13" in result.stdout
    assert "Sam Altman     person       1      0       0" in result.stdout


def test_align_marks_the_errors():
    result = run(data("reference.txt"), data("hypothesis.txt"), "--align")
    assert result.exit_code == 0, result.output
    assert (
        "line 1\n"
        "  REF: le pdg d'openai  sam    altman a été renvoyé\n"
        "  HYP: le pdg d'openeye salman altman a été renvoyé\n"
        "              S         S\n"
    ) in result.stdout
    assert "line 2" not in result.stdout


def test_align_with_no_error():
    result = run(data("reference.txt"), data("reference.txt"), "--align")
    assert result.exit_code == 0
    assert result.stdout.endswith("no error: the texts are the same after normalisation\n")


def test_whole_scores_texts_with_different_line_counts(tmp_path):
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("Le PDG d'OpenAI, Sam Altman,\na été renvoyé. Satya Nadella dirige\nMicrosoft. Il y a du "
                       "nouveau\nchez OpenAI.\n", encoding="utf-8")
    result = run(data("reference.txt"), wrapped, "--whole", "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert (printed["wer"], printed["unit"]) == (0.0, "text")


def test_trailing_blank_lines_are_ignored(tmp_path):
    padded = tmp_path / "padded.txt"
    padded.write_text((DATA / "reference.txt").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    result = run(data("reference.txt"), padded, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["wer"] == 0.0


def test_reference_from_stdin():
    result = run("-", data("hypothesis.txt"), "--json", input=(DATA / "reference.txt").read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["words"]["errors"] == 4


@pytest.mark.parametrize(
    "reference, hypothesis, extra, wer",
    [
        ("reference.srt", "hypothesis.vtt", (), 1 / 8),
        ("reference.srt", "hypothesis.json", (), 1 / 8),
        ("reference.srt", "hypothesis.json", ("--normalize", "fr"), 1 / 9),
        ("reference.srt", "reference.srt", (), 0.0),
    ],
)
def test_subtitle_and_whisper_formats(reference, hypothesis, extra, wer):
    result = run(data(reference), data(hypothesis), "--json", *extra)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["wer"] == pytest.approx(wer)
    assert printed["unit"] == "text"


def test_format_option_for_files_without_extension(tmp_path):
    reference = tmp_path / "reference"
    reference.write_text((DATA / "reference.srt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(reference, data("reference.srt"), "--format", "srt", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["wer"] == 0.0


# edits ----------------------------------------------------------------------------------------


def test_edit_scores_table():
    result = run("--gold-edits", data("gold.jsonl"), "--edits", data("predicted.jsonl"), "--traps", data("traps.jsonl"),
                 "--correct", data("correct.jsonl"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "   3          4      2      2     50.00%  66.67%  57.14%" in out
    assert "traps touched          1 of 1" in out
    assert "correct names touched  0 of 1" in out
    assert "partial fixes          0 of the 2 wrong" in out   # "Salman" -> "Sam Altman" writes more than "Sam"
    assert "trap touched          3:0-6 'Il y a'" in out
    assert "missed                1:18-24 -> 'Sam' (Sam Altman)" in out
    assert "signature   metric:edits|match:same-text-over-stretch|version:0.1.0" in out


def test_edit_scores_json():
    result = run("--gold-edits", data("gold.jsonl"), "--edits", data("predicted.jsonl"), "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert (printed["gold"], printed["predicted"], printed["right"], printed["fixed"]) == (3, 4, 2, 2)
    assert printed["f1"] == pytest.approx(4 / 7)
    assert [row["name"] for row in printed["by_pass"]] == ["phonetic", "spacing"]
    assert printed["traps"] == 0 and printed["traps_touched"] == []
    assert len(printed["wrong"]) == 2 and printed["partial_fixes"] == []
    assert printed["signature"]["text"] == "metric:edits|match:same-text-over-stretch|version:0.1.0"


def test_edit_scores_with_intervals_over_heard_forms():
    args = ("--gold-edits", data("gold.jsonl"), "--edits", data("predicted.jsonl"), "--confidence")
    shown = run(*args)
    assert shown.exit_code == 0, shown.output
    # forms: "openeye" and "openai" -> OpenAI (gold and edit each), "salman" -> Sam (gold) and -> Sam Altman
    # (the edit's, another fix), "il y a" -> Ilya (an edit only)
    assert shown.stdout.rstrip().splitlines()[-1].startswith("95% intervals, 2,000 resamples of 5 heard form(s): ")
    printed = json.loads(run(*args, "--json").stdout)["intervals"]
    assert (printed["level"], printed["resamples"], printed["forms"]) == (0.95, 2000, 5)
    for rate in ("precision", "recall"):
        low, high = printed[rate]
        assert 0.0 <= low <= high <= 1.0
    assert printed["recall"][0] < 2 / 3 < printed["recall"][1]


def test_intervals_are_only_for_edit_logs():
    result = run(data("reference.txt"), data("hypothesis.txt"), "--confidence")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == "error: --confidence: only used with --gold-edits GOLD.jsonl"


def test_seed_gold_edits_scored_against_themselves(tmp_path):
    oracle = edits_from_gold(load_gold(str(SEED / "edits.jsonl")), (SEED / "raw.txt").read_text(encoding="utf-8"))
    predicted = tmp_path / "oracle.edits.jsonl"
    predicted.write_text(write_edits_jsonl(oracle), encoding="utf-8")
    result = run("--gold-edits", SEED / "edits.jsonl", "--edits", predicted, "--traps", SEED / "traps.jsonl",
                 "--correct", SEED / "correct.jsonl", "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert (printed["precision"], printed["recall"], printed["f1"]) == (1.0, 1.0, 1.0)
    assert (printed["gold"], printed["traps_touched"], printed["correct_touched"]) == (39, [], [])


def test_seed_reference_against_raw_with_the_seed_lexicon(tmp_path):
    entities = sorted({json.loads(line)["entity"] for name in ("edits.jsonl", "correct.jsonl")
                       for line in (SEED / name).read_text(encoding="utf-8").splitlines()})
    lexicon = tmp_path / "seed.txt"
    lexicon.write_text("\n".join(entities) + "\n", encoding="utf-8")
    result = run(SEED / "reference.txt", SEED / "raw.txt", "--normalize", "fr", "--lexicon", lexicon, "--json")
    assert result.exit_code == 0, result.output
    biased = json.loads(result.stdout)["biased"]
    assert biased["b_wer"] > 0.1 > biased["u_wer"]  # the raw transcript's errors are on the names


# errors: exit 2 and one exact line -----------------------------------------------------------


def error_line(result) -> str:
    assert result.exit_code == 2, result.output
    return result.stderr.strip()


def test_missing_file():
    assert error_line(run(data("nope.txt"), data("hypothesis.txt"))) == f"error: {data('nope.txt')}: no such file"


def test_different_line_counts_name_both_files():
    assert error_line(run(data("reference.txt"), data("short.txt"))) == (
        f"error: {data('reference.txt')}: 3 lines, but {data('short.txt')} has 2: line-aligned texts need the "
        "same number of lines (score them as one text each with --whole)"
    )


@pytest.mark.parametrize("normalize", ["basic", "none"])
def test_empty_reference(normalize):
    assert error_line(run(data("empty.txt"), data("hypothesis.txt"), "--whole", "--normalize", normalize)) == (
        f"error: {data('empty.txt')}: empty reference: no word to score after '{normalize}' normalisation"
    )


@pytest.mark.parametrize(
    "args, line",
    [
        ((), "error: score: give REF and HYP transcripts, or --gold-edits GOLD.jsonl --edits PRED.jsonl"),
        (("ref.txt",), "error: score: give REF and HYP transcripts, or --gold-edits GOLD.jsonl --edits PRED.jsonl"),
        (("--edits", "p.jsonl"), "error: --edits: only used with --gold-edits GOLD.jsonl"),
        (("a", "b", "--traps", "t.jsonl"), "error: --traps: only used with --gold-edits GOLD.jsonl"),
        (("--gold-edits", "g.jsonl"), "error: --gold-edits: needs --edits PRED.jsonl, the edit log to score"),
        (("a", "--gold-edits", "g.jsonl", "--edits", "p.jsonl"),
         "error: --gold-edits: scores an edit log, not transcripts: drop REF and HYP"),
        (("--gold-edits", "g.jsonl", "--edits", "p.jsonl", "--lexicon", "l.csv"),
         "error: --lexicon: only used when scoring transcripts (REF HYP), not with --gold-edits"),
        (("--gold-edits", "g.jsonl", "--edits", "p.jsonl", "--normalize", "fr"),
         "error: --normalize: only used when scoring transcripts (REF HYP), not with --gold-edits"),
    ],
)
def test_usage_errors(args, line):
    assert error_line(run(*args)) == line


def test_unknown_normalisation_is_refused_by_click():
    result = run(data("reference.txt"), data("hypothesis.txt"), "--normalize", "de")
    assert result.exit_code == 2
    assert "'de' is not one of 'none', 'basic', 'fr', 'en'" in result.stderr


def test_bad_gold_line():
    assert error_line(run("--gold-edits", data("bad_gold.jsonl"), "--edits", data("predicted.jsonl"))) == (
        f"error: {data('bad_gold.jsonl')}:2: not a JSON object: Expecting value"
    )


def test_bad_edit_log_line(tmp_path):
    predicted = tmp_path / "bad.edits.jsonl"
    predicted.write_text('{"start": 0}\n', encoding="utf-8")
    assert error_line(run("--gold-edits", data("gold.jsonl"), "--edits", predicted)).startswith(
        f"error: {predicted}:1: bad edit record: missing field(s): "
    )


def test_help_lists_every_normalisation_and_examples():
    result = run("--help")
    assert result.exit_code == 0
    for name, normalizer in NORMALIZERS.items():
        assert f"    {name:<6} {normalizer.summary.split()[0]}" in result.stdout
    assert "Examples:" in result.stdout
    assert "without it, no B-WER" in result.stdout


def test_the_confidence_help_says_what_the_bootstrap_does():
    from correction.scoring.bootstrap import LEVEL, RESAMPLES

    help_text = " ".join(run("--help").stdout.split())
    assert f"also {LEVEL:.0%} intervals" in help_text and f"{RESAMPLES:,} times" in help_text
