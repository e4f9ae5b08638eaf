"""Student names that look alike on screen are one name: no second "José" by another spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from irtutor.services.profiles import ProfileNameError, Profiles
from irtutor.storage.database import open_store


@pytest.fixture
def profiles(tmp_path: Path) -> Profiles:
    return Profiles(open_store(tmp_path / "names.sqlite3"))


@pytest.mark.parametrize(("first", "second"), [
    ("Jos\u00e9", "Jose\u0301"),            # precomposed é (NFC), then e + combining accent (NFD)
    ("Anna", "An\u200bna"),                # a zero-width space inside
    ("Anna", "\u2066Anna\u2069"),          # invisible direction isolates around it
    ("Anna", "\uff21nna"),                 # a full-width capital A
    ("Anna Li", "anna\u00a0\u00a0li"),     # case and non-breaking spaces
])
def test_a_name_that_looks_like_an_existing_one_is_refused(profiles: Profiles, first: str, second: str) -> None:
    profiles.create(first)
    with pytest.raises(ProfileNameError, match="There is already a profile called"):
        profiles.create(second)
    assert len(profiles.all()) == 1


def test_names_are_stored_composed_and_without_invisible_characters(profiles: Profiles) -> None:
    created = profiles.create("  Jose\u0301\u200d  Mar\u00eda ")
    assert created.name == "Jos\u00e9 Mar\u00eda"
    assert [p.name for p in profiles.all()] == ["Jos\u00e9 Mar\u00eda"]


def test_a_name_of_only_invisible_characters_is_empty(profiles: Profiles) -> None:
    with pytest.raises(ProfileNameError, match="Type a name"):
        profiles.create("\u200b\u200d\u2060")
