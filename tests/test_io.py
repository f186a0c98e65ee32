"""Writing outputs: one file or several, all or nothing."""

import os

import pytest

from correction.io import StagedWrites, write_text_atomic


def test_staged_files_appear_only_at_commit_with_ordinary_permissions(tmp_path):
    with StagedWrites() as staged:
        staged.write(tmp_path / "a.txt", "first\n")
        staged.write(tmp_path / "sub" / "b.txt", "second\n")
        assert not (tmp_path / "a.txt").exists() and not (tmp_path / "sub" / "b.txt").exists()
        staged.commit()
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "first\n"
    assert (tmp_path / "sub" / "b.txt").read_text(encoding="utf-8") == "second\n"
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["a.txt", "b.txt", "sub"]  # no temporary left


def test_an_error_before_commit_writes_nothing_and_leaves_no_temporary(tmp_path):
    (tmp_path / "kept.txt").write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), StagedWrites() as staged:
        staged.write(tmp_path / "kept.txt", "new\n")
        staged.write(tmp_path / "other.txt", "new\n")
        raise RuntimeError("the third transcript failed")
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.txt"]


def test_a_rename_that_fails_leaves_the_rest_unwritten_and_no_temporary(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "inside.txt").write_text("x", encoding="utf-8")  # a folder in the way
    with pytest.raises(OSError), StagedWrites() as staged:
        staged.write(tmp_path / "first.txt", "1\n")
        staged.write(tmp_path / "taken", "2\n")
        staged.write(tmp_path / "third.txt", "3\n")
        staged.commit()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["first.txt", "taken"]


def test_write_text_atomic_replaces_the_file(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old\n", encoding="utf-8")
    write_text_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]
