"""Student profiles on a shared classroom computer, and which one was used last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from irtutor.core.attempts import Profile
from irtutor.core.names import clean_name, name_key

if TYPE_CHECKING:
    from irtutor.storage.stores import Store

LAST_PROFILE = "last_profile_id"
ARCHIVED = "archived_profile_ids"
"""Removed students, as comma-separated ids: their answers stay in the database, so they can come back."""
MAX_NAME = 40


class ProfileNameError(ValueError):
    """The name typed for a new profile cannot be used; the message says why."""


class Profiles:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Profile]:
        """The students to choose from (not the removed ones)."""
        hidden = self._archived_ids()
        return [p for p in self.store.profiles() if p.id not in hidden]

    def archived(self) -> list[Profile]:
        """Removed students, whose answers are kept for a restore."""
        hidden = self._archived_ids()
        return [p for p in self.store.profiles() if p.id in hidden]

    def listing(self) -> tuple[list[Profile], list[Profile]]:
        """(students, removed students) in one read, for the dialog."""
        return self.all(), self.archived()

    def create(self, name: str) -> Profile:
        return self.store.add_profile(valid_name(name, self.store.profiles()))

    def rename(self, profile: Profile, name: str) -> Profile:
        others = [p for p in self.store.profiles() if p.id != profile.id]
        return self.store.rename_profile(profile.id, valid_name(name, others))

    def archive(self, profile: Profile) -> None:
        """Remove a student from the list; nothing they answered is deleted."""
        self._set_archived(self._archived_ids() | {profile.id})
        if self.store.setting(LAST_PROFILE) == str(profile.id):
            self.store.set_setting(LAST_PROFILE, "")

    def restore(self, profile: Profile) -> None:
        self._set_archived(self._archived_ids() - {profile.id})

    def _archived_ids(self) -> set[int]:
        value = self.store.setting(ARCHIVED) or ""
        return {int(part) for part in value.split(",") if part.strip().isdigit()}

    def _set_archived(self, ids: set[int]) -> None:
        self.store.set_setting(ARCHIVED, ",".join(map(str, sorted(ids))))

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
