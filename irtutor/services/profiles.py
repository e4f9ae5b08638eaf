"""Student profiles on a shared classroom computer, and which one was used last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile
from irtutor.core.names import clean_name, name_key

if TYPE_CHECKING:
    from irtutor.storage.stores import Store

LAST_PROFILE = "last_profile_id"
MAX_NAME = 40


class ProfileNameError(ValueError):
    """The name typed for a new profile cannot be used; the message says why."""


class Profiles:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Profile]:
        return self.store.profiles()

    def create(self, name: str) -> Profile:
        return self.store.add_profile(valid_name(name, self.all()))

    def remember(self, profile: Profile) -> None:
        self.store.set_setting(LAST_PROFILE, str(profile.id))

    def remembered(self) -> Profile | None:
        value = self.store.setting(LAST_PROFILE)
        return next((p for p in self.all() if str(p.id) == value), None)


def valid_name(name: str, existing: list[Profile]) -> str:
    """The name cleaned up for a new profile beside `existing`; ProfileNameError says why it cannot be.

    Apart from `create`, so that a dialog can say so at once from the list it shows, without a
    round trip to the database; `create` checks again against the database itself.
    """
    name = clean_name(name)
    if not name:
        raise ProfileNameError("Type a name for the profile.")
    if len(name) > MAX_NAME:
        raise ProfileNameError(f"Use at most {MAX_NAME} characters.")
    if any(name_key(p.name) == name_key(name) for p in existing):
        raise ProfileNameError(f"There is already a profile called “{name}”; pick it from the list.")
    return name
