"""Library versions read from the installers' records agree with importlib.metadata."""

import importlib.metadata

from correction.versions import installed_version


def test_every_installed_distribution_has_the_version_importlib_metadata_gives():
    names = {distribution.metadata["Name"] for distribution in importlib.metadata.distributions()}
    assert len(names) > 10
    assert {name: installed_version(name) for name in names} == {name: importlib.metadata.version(name) for name in names}


def test_a_distribution_that_is_not_installed_has_no_version():
    assert installed_version("no-such-distribution-here") is None
