"""Choosing who is studying on a shared classroom computer."""

from __future__ import annotations

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
from irtutor.core.errors import SaveFailed
from irtutor.services.profiles import ProfileNameError, Profiles
from irtutor.ui import messages


class ProfileDialog(QDialog):
    sig_profile_chosen = Signal(object)
    """A profile was picked or created; the argument is the core Profile."""

    def __init__(self, profiles: Profiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profiles = profiles
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
        self._fill()

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

    def _fill(self) -> None:
        try:
            profiles = self.profiles.all()
        except SaveFailed as exc:
            self.error.setText(str(exc))
            profiles = []
        for profile in profiles:
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.list.addItem(item)
        if profiles:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.name_edit.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.currentItem() is not None)

    def create_profile(self) -> None:
        try:
            profile = self.profiles.create(self.name_edit.text())
        except (ProfileNameError, SaveFailed) as exc:
            self.error.setText(str(exc))
            return
        self._choose(profile)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose(item.data(Qt.ItemDataRole.UserRole))

    def _choose(self, profile: Profile) -> None:
        self.sig_profile_chosen.emit(profile)
        super().accept()
