"""The keyboard path to the map: a filter box over a list of every country, optionally with check boxes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

ISO3_ROLE = Qt.ItemDataRole.UserRole + 1
_TO_LIST = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)


class CountryList(QWidget):
    """Type to filter, arrows to move; in checkable mode Space ticks a country."""

    sig_current_changed = Signal(str)
    """The keyboard or mouse moved to a country in the list (its ISO3 code; "" when none)."""
    sig_check_changed = Signal(str, bool)
    """A country's check box was ticked (True) or cleared (False), by the student."""

    def __init__(self, names: dict[str, str], checkable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.rows: dict[str, QStandardItem] = {}
        for iso3, name in sorted(names.items(), key=lambda pair: pair[1]):
            item = QStandardItem(name)
            item.setData(iso3, ISO3_ROLE)
            item.setEditable(False)
            item.setCheckable(checkable)
            self.model.appendRow(item)
            self.rows[iso3] = item
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(placeholderText="Find a country…", clearButtonEnabled=True)
        self.filter.setAccessibleName("Find a country")
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Countries")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self._quiet = False
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.itemChanged.connect(self._item_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Down in the filter go to the list; Enter is claimed before a window's shortcut
        (the quiz's "check answer") can take it, so finding a country never submits the answer."""
        if watched is self.filter and isinstance(event, QKeyEvent) and event.key() in _TO_LIST:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.view.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.sig_current_changed.emit(str(current.data(ISO3_ROLE)) if current.isValid() else "")

    def _item_changed(self, item: QStandardItem) -> None:
        if not self._quiet:
            self.sig_check_changed.emit(str(item.data(ISO3_ROLE)), item.checkState() == Qt.CheckState.Checked)

    def shown(self) -> list[str]:
        """The names the filter lets through, in list order."""
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]

    def select(self, iso3: str) -> None:
        """Make `iso3` the current row (clearing the filter if it hides it)."""
        index = self.proxy.mapFromSource(self.rows[iso3].index())
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.rows[iso3].index())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def current(self) -> str:
        index = self.view.currentIndex()
        return str(index.data(ISO3_ROLE)) if index.isValid() else ""

    def set_checked(self, checked: set[str] | frozenset[str]) -> None:
        """Tick exactly `checked`, without reporting it as the student's change."""
        self._quiet = True
        try:
            for iso3, item in self.rows.items():
                state = Qt.CheckState.Checked if iso3 in checked else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
        finally:
            self._quiet = False

    def set_label(self, iso3: str, text: str) -> None:
        """Change what a row says (a marked answer: "✓ Poland"), without reporting a check change."""
        self._quiet = True
        try:
            self.rows[iso3].setText(text)
        finally:
            self._quiet = False

    def lock(self) -> None:
        """Keep browsing possible but stop ticking: for a question already answered."""
        self._quiet = True
        try:
            for item in self.rows.values():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        finally:
            self._quiet = False
