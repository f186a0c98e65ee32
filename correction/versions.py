"""Installed versions of libraries, for cache keys, without importing the libraries or
``importlib.metadata`` (about 20 ms to import, at every run, for five version strings).

An installer records a distribution as ``NAME-VERSION.dist-info`` in a folder on ``sys.path``
(the name normalised as in the wheel specification); the first such folder on the path is the
one Python imports from, which is also what ``importlib.metadata.version`` answers. Anything else
(an ``.egg-info``, a zipped path entry) falls back to ``importlib.metadata``.

>>> installed_version("numpy") == __import__("numpy").__version__
True
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@lru_cache(maxsize=1)
def _dist_info_versions() -> dict[str, str]:
    versions: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip file, a missing folder
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name[: -len(".dist-info")].rpartition("-")
                versions.setdefault(normalised(project), version)  # the first on the path wins
    return versions


def installed_version(distribution: str) -> str | None:
    """``distribution``'s installed version, or None when it is not installed."""
    found = _dist_info_versions().get(normalised(distribution))
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return None
