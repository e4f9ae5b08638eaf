"""Choosing who is studying on a shared classroom computer.

The list is read, and a new profile saved, through the operations funnel: the dialog itself
never touches the database, so a slow disk cannot freeze it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from irtutor.core.attempts import Profile
from irtutor.services.profiles import ProfileNameError, Profiles, valid_name
from irtutor.ui import messages
from irtutor.ui.ops import Change, Operations


class ProfileDialog(QDialog):
    sig_profile_chosen = Signal(object)
    """A profile was picked or created; the argument is the core Profile."""

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
        self.error = QLabel()
        self.error.setObjectName("profile-error")
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._build_layout()
        self._connect()
        self.name_edit.setFocus()
        self._update_ok()
        self.ops.read(self, profiles.all, on_done=self._fill)

    def _build_layout(self) -> None:
        new_row = QHBoxLayout()
        new_row.addWidget(self.name_edit, 1)
        new_row.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(messages.PROFILE_INTRO))
        layout.addWidget(self.list, 1)
        layout.addLayout(new_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.create_button.clicked.connect(self.create_profile)
        self.name_edit.returnPressed.connect(self.create_profile)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _fill(self, profiles: list[Profile]) -> None:
        for profile in profiles:
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.list.addItem(item)
        if profiles and not self.name_edit.text():  # a name typed while the list loaded keeps the focus
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.currentItem() is not None)

    def create_profile(self) -> None:
        shown = [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]
        try:
            name = valid_name(self.name_edit.text(), shown)
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
