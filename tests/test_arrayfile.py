"""The array file: strings and arrays come back as written; a damaged file is refused."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from correction.arrayfile import StaleFile, StringTable, read_arrays, write_arrays


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=30))
def test_strings_round_trip_whole_and_one_by_one(strings):
    table = StringTable.of(strings)
    assert list(table) == strings and [table[number] for number in range(len(strings))] == strings


def test_arrays_and_strings_round_trip_through_a_file(tmp_path):
    path = tmp_path / "x.arrays"
    arrays = {"ids": np.arange(5, dtype=np.int32), "empty": np.empty(0, dtype=np.uint8),
              "grid": np.arange(6, dtype=np.int64).reshape(2, 3)}
    write_arrays(path, {"version": 3}, arrays, {"names": ["Sam", "Zoé", ""]})
    stored = read_arrays(path, {"version": 3})
    assert stored.meta["version"] == 3 and list(stored.strings["names"]) == ["Sam", "Zoé", ""]
    for name, array in arrays.items():
        assert stored.arrays[name].dtype == array.dtype and np.array_equal(stored.arrays[name], array)


@pytest.mark.parametrize("expected, message", [({"version": 4}, "made for other settings")])
def test_other_settings_are_refused(tmp_path, expected, message):
    path = tmp_path / "x.arrays"
    write_arrays(path, {"version": 3}, {"ids": np.arange(3)})
    with pytest.raises(StaleFile, match=message):
        read_arrays(path, expected)


def test_a_missing_file_is_stale_not_an_error(tmp_path):
    with pytest.raises(StaleFile, match="missing"):
        read_arrays(tmp_path / "nope.arrays")


@pytest.mark.parametrize("strings", [[], [""], ["a\x00b", "", "c"], ["x", "\x00"]])
def test_strings_holding_the_separator_round_trip_through_a_file(tmp_path, strings):
    path = tmp_path / "x.arrays"
    write_arrays(path, {}, {}, {"names": strings})
    table = read_arrays(path).strings["names"]
    assert len(table) == len(strings) and list(table) == strings and [table[n] for n in range(len(strings))] == strings
