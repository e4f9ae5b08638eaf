"""Choosing who is studying on a shared classroom computer.

The list is read, and a new profile saved, through the operations funnel: the dialog itself
never touches the database, so a slow disk cannot freeze it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.attempts import Profile
from irtutor.core.names import name_key
from irtutor.services.profiles import ProfileNameError, Profiles, valid_name
from irtutor.ui import messages
from irtutor.ui.ops import Change, Operations


class ProfileDialog(QDialog):
    sig_profile_chosen = Signal(object)
    """A profile was picked or created; the argument is the core Profile."""

    sig_profile_renamed = Signal(object)
    """A student's name changed; the argument is the Profile with the new name."""

    sig_profile_removed = Signal(object)
    """A student was removed from the list (answers kept); the argument is that Profile."""

    def __init__(self, profiles: Profiles, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles, self.ops = profiles, ops
        self.setWindowTitle(messages.PROFILE_TITLE)
        self.setObjectName("profile-dialog")
        self.list = QListWidget()
        self.list.setAccessibleName("Student profiles")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(messages.PROFILE_NEW_PLACEHOLDER)
        self.name_edit.setAccessibleName(messages.PROFILE_NEW_PLACEHOLDER)
        self.create_button = QPushButton("&Create")
        self.rename_button = QPushButton(messages.RENAME_BUTTON)
        self.remove_button = QPushButton(messages.REMOVE_BUTTON)
        self.removed_label = QLabel(messages.REMOVED_HEADER)
        self.removed_list = QListWidget()
        self.removed_list.setAccessibleName("Removed students")
        self.removed_list.setMaximumHeight(self.removed_list.fontMetrics().height() * 5)
        self.restore_button = QPushButton(messages.RESTORE_BUTTON)
        self.input: QInputDialog | None = None
        self.error = QLabel()
        self.error.setObjectName("profile-error")
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._build_layout()
        self._connect()
        self.name_edit.setFocus()
        self._update_ok()
        self._reload()

    def _reload(self) -> None:
        self.ops.read(self, self.profiles.listing, on_done=self._fill)

    def _build_layout(self) -> None:
        new_row = QHBoxLayout()
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(messages.PROFILE_INTRO))
        layout.addWidget(self.list, 1)
        manage = QHBoxLayout()
        manage.addWidget(self.rename_button)
        manage.addWidget(self.remove_button)
        manage.addStretch(1)
        layout.addLayout(manage)
        layout.addLayout(new_row)
        layout.addWidget(self.error)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.removed_list, 1)
        restore_row.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.removed_label)
        layout.addLayout(restore_row)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.create_button.clicked.connect(self.create_profile)
        self.name_edit.returnPressed.connect(self.create_profile)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.rename_button.clicked.connect(self.ask_rename)
        self.remove_button.clicked.connect(self.ask_remove)
        self.restore_button.clicked.connect(self.restore_profile)
        self.buttons.rejected.connect(self.reject)

    def _fill(self, listing: tuple[list[Profile], list[Profile]]) -> None:
        profiles, removed = listing
        self.list.clear()
        self.removed_list.clear()
        for profile in removed:
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.removed_list.addItem(item)
        if removed:
            self.removed_list.setCurrentRow(0)
        for widget in (self.removed_label, self.removed_list, self.restore_button):
            widget.setVisible(bool(removed))
        for profile in profiles:
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.list.addItem(item)
        if profiles and not self.name_edit.text():  # a name typed while the list loaded keeps the focus
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (self.buttons.button(QDialogButtonBox.StandardButton.Ok), self.rename_button,
                       self.remove_button):
            button.setEnabled(chosen)

    def _current(self) -> Profile | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _ask(self, title: str, label: str, text: str, then: Callable[[str], None]) -> None:
        """A small question over this dialog, answered without blocking the event loop."""
        self.input = QInputDialog(self)
        self.input.setWindowTitle(title)
        self.input.setLabelText(label)
        self.input.setTextValue(text)
        self.input.textValueSelected.connect(then)
        self.input.open()

    def ask_rename(self) -> None:
        profile = self._current()
        if profile is not None:
            self._ask(messages.RENAME_TITLE, messages.RENAME_LABEL.format(name=profile.name), profile.name,
                      partial(self.rename_profile, profile))

    def rename_profile(self, profile: Profile, name: str) -> None:
        try:
            valid_name(name, [p for p in self._shown() if p.id != profile.id])
        except ProfileNameError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.ops.write(self, partial(self.profiles.rename, profile, name), on_done=self._renamed,
                       changes=Change.PROFILES)

    def _renamed(self, profile: Profile) -> None:
        self.sig_profile_renamed.emit(profile)
        self._reload()

    def ask_remove(self) -> None:
        profile = self._current()
        if profile is not None:
            self._ask(messages.REMOVE_TITLE, messages.REMOVE_LABEL.format(name=profile.name), "",
                      partial(self.remove_profile, profile))

    def remove_profile(self, profile: Profile, typed: str) -> None:
        if name_key(typed.strip()) != name_key(profile.name):
            self.error.setText(messages.REMOVE_MISMATCH.format(name=profile.name))
            return
        self.error.clear()
        self.ops.write(self, partial(self.profiles.archive, profile), changes=Change.PROFILES,
                       on_done=lambda _none: self._removed(profile))

    def _removed(self, profile: Profile) -> None:
        self.sig_profile_removed.emit(profile)
        self._reload()

    def restore_profile(self) -> None:
        item = self.removed_list.currentItem()
        if item is not None:
            self.ops.write(self, partial(self.profiles.restore, item.data(Qt.ItemDataRole.UserRole)),
                           changes=Change.PROFILES, on_done=lambda _none: self._reload())

    def _shown(self) -> list[Profile]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def create_profile(self) -> None:
        try:
            name = valid_name(self.name_edit.text(), self._shown())
        except ProfileNameError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.ops.write(self, partial(self.profiles.create, name), on_done=self._choose, changes=Change.PROFILES,
                       disable=[self.create_button, self.name_edit])

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, profile: Profile) -> None:
        self.sig_profile_chosen.emit(profile)
        super().accept()
