"""`correction bench` from a regular install: the wheel carries the dev set where the code looks for it."""

import zipfile
from pathlib import Path

import pytest

from correction.bench import dataset as dataset_module

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted(path.name for path in (ROOT / "benchmarks" / "data" / "seed").iterdir())


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    builders = pytest.importorskip("hatchling.builders.wheel")
    out = tmp_path_factory.mktemp("wheel")
    wheel = next(iter(builders.WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])))
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_the_dev_set_and_the_default_lexicon(wheel_names):
    assert {f"correction/data/seed/{name}" for name in SEED_FILES} <= wheel_names
    assert "correction/lexicons/default.csv" in wheel_names


def test_an_installed_package_finds_its_dev_set_inside_itself(tmp_path, monkeypatch):
    """Laid out as the wheel installs it (no source tree beside it), the bundled set is found and loads."""
    package = tmp_path / "site-packages" / "correction"
    (package / "bench").mkdir(parents=True)
    seed = package / "data" / "seed"
    seed.mkdir(parents=True)
    for name in SEED_FILES:
        (seed / name).write_bytes((ROOT / "benchmarks" / "data" / "seed" / name).read_bytes())
    monkeypatch.setattr(dataset_module, "__file__", str(package / "bench" / "dataset.py"))
    assert dataset_module.default_dataset_dir() == seed
    assert dataset_module.load_dataset(seed).name == "seed"
