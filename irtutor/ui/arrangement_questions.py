"""Matching (a list box per left item) and ordering (a list to rearrange), both usable from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
)

from irtutor.core.describe import describe_correct
from irtutor.core.grading import Outcome
from irtutor.core.kinds.matching import MatchingKey
from irtutor.core.kinds.ordering import OrderingKey
from irtutor.core.questions import Item, Response
from irtutor.core.shuffling import unsolved
from irtutor.core.verdicts import PartVerdict, Verdict
from irtutor.qtkit.plain_text import plain_tooltip
from irtutor.ui.question_base import VERDICT_MARK, QuestionWidget, verdict_colour

CHOOSE = "Choose…"
MATCH_FOR = "Match for: {left}"
RIGHT_MATCH = "→ {right}"
RIGHT_MATCH_SPOKEN = "Wrong; the right match is {right}."
RIGHT_SPOKEN = "Right."
NOT_MATCHED = "(none chosen)"
ORDER_NAME = "Order: first to last"
ORDER_HINT = "Select an item and move it with Alt+Up / Alt+Down, the buttons, or by dragging."
MOVE_UP = "▲ Move up"
MOVE_DOWN = "▼ Move down"
MOVED = "Moved “{text}” to position {position} of {total}."
RIGHT_ORDER = "The right order: {order}"
ITEM_ROW = "{position}. {text}"
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1


class _ShuffledQuestion(QuestionWidget):
    def shuffled(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """`ids` shuffled, in or out of an attempt: the order in the lesson file would give the answer away."""
        return self.arranged(ids, always=True)


class _MatchBox(QComboBox):
    """A list box for one match: typing "19…" searches its entries (instead of firing the quiz's
    number keys), and a long choice is shown cut with "…" rather than clipped mid-letter."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and event.text().isprintable() and event.text().strip():
                event.accept()
                return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class _FittingList(QListWidget):
    """A list as tall as its wrapped items, so every item shows without scrolling inside the question."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.contentsSize().height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def updateGeometries(self) -> None:
        # Called after the items are laid out again (a new width re-wraps them): the height follows.
        super().updateGeometries()
        self.updateGeometry()


class MatchingQuestionWidget(_ShuffledQuestion):
    """One row per left item: its text and a list box of the rights (distractors included)."""

    key_type = MatchingKey

    def build(self) -> None:
        lefts = {left.id: left for left in self.key.lefts}
        self.shown_lefts = tuple(lefts[i] for i in self.arranged(tuple(lefts)))
        rights = {right.id: right for right in self.key.rights}
        self.shown_rights = tuple(rights[i] for i in self.shuffled(tuple(rights)))
        self.left_labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        self.right_labels: dict[str, QLabel] = {}
        self.chosen_labels: dict[str, QLabel] = {}
        """Once answered, each row's choice as plain text in its verdict's colour, where its box was:
        a disabled box would draw it grey on grey."""
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        for row, left in enumerate(self.shown_lefts):
            self._add_row(grid, row, left)
        outer = QVBoxLayout(self)
        outer.addWidget(self.prompt)
        outer.addLayout(grid)
        self.setFocusProxy(self.combos[self.shown_lefts[0].id])  # the quiz puts the keyboard on the first box
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._on_choice)

    def _add_row(self, grid: QGridLayout, row: int, left: Item) -> None:
        label = QLabel(left.text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        combo = _MatchBox()
        combo.setObjectName(f"match-{left.id}")
        combo.setAccessibleName(MATCH_FOR.format(left=left.text))
        combo.addItem(CHOOSE, None)
        for right in self.shown_rights:
            combo.addItem(right.text, right.id)
        # Sized by the box's width, not its longest entry, so long rights cannot push the page wide.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        label.setBuddy(combo)
        # A one-line left text sits level with its box; a longer one starts at the box's top.
        label.setMinimumHeight(combo.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        answer = QLabel()
        answer.setWordWrap(True)
        answer.setTextFormat(Qt.TextFormat.PlainText)
        answer.setVisible(False)
        chosen = QLabel()
        chosen.setObjectName(f"matched-{left.id}")
        chosen.setWordWrap(True)
        chosen.setTextFormat(Qt.TextFormat.PlainText)
        chosen.setMinimumHeight(combo.sizeHint().height())
        chosen.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        chosen.setVisible(False)
        chooser = QVBoxLayout()  # the right match appears right under the box, however tall the left text
        chooser.addWidget(combo)
        chooser.addWidget(chosen)
        chooser.addWidget(answer)
        chooser.addStretch(1)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(chooser, row, 1)
        self.left_labels[left.id], self.combos[left.id], self.right_labels[left.id] = label, combo, answer
        self.chosen_labels[left.id] = chosen

    def _on_choice(self) -> None:
        for combo in self.combos.values():
            combo.setToolTip(plain_tooltip(combo.currentText()) if combo.currentIndex() > 0 else "")
        self.emit_changed()

    def selection(self) -> Response:
        chosen = {left_id: combo.currentData() for left_id, combo in self.combos.items()}
        return Response(pairs={left_id: right_id for left_id, right_id in chosen.items() if right_id})

    def set_response(self, response: Response) -> None:
        given = response.pair_map()
        for left_id, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(given.get(left_id))))

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.set_response(response)
        answer = self.key.answer
        for left in self.key.lefts:
            self._mark_row(left, outcome.part(left.id), self.key.right_text(answer[left.id]))
        self.mark_answered()

    def _mark_row(self, left: Item, part: PartVerdict | None, right_text: str) -> None:
        combo, label, answer = self.combos[left.id], self.left_labels[left.id], self.right_labels[left.id]
        combo.setEnabled(False)
        verdict = part.verdict if part else Verdict.WRONG
        right = verdict is Verdict.RIGHT
        self.tag_part(label, left.id)
        self.show_verdict(label, part)
        label.setText(f"{VERDICT_MARK[verdict]} {left.text}")
        colour = verdict_colour(verdict, self.palette())
        label.setStyleSheet(f"color: {colour}")
        spoken = RIGHT_SPOKEN if right else RIGHT_MATCH_SPOKEN.format(right=right_text)
        combo.setAccessibleDescription(spoken)
        chosen = self.chosen_labels[left.id]
        chosen.setText(f"{VERDICT_MARK[verdict]} {combo.currentText() if combo.currentIndex() > 0 else NOT_MATCHED}")
        chosen.setStyleSheet(f"color: {colour}; font-weight: bold;")
        chosen.setAccessibleName(combo.accessibleName())
        chosen.setAccessibleDescription(spoken)
        chosen.setVisible(True)
        combo.setVisible(False)
        answer.setText(RIGHT_MATCH.format(right=right_text))
        answer.setStyleSheet(f"color: {verdict_colour(Verdict.RIGHT, self.palette())}")
        answer.setVisible(not right)


class OrderingQuestionWidget(_ShuffledQuestion):
    """The items in a list the student rearranges; the order shown is already an answer."""

    key_type = OrderingKey

    def build(self) -> None:
        self.texts = {item.id: item.text for item in self.key.items}
        self.locked = False
        self.list = self._make_list()
        self.up_button = QPushButton(MOVE_UP)
        self.down_button = QPushButton(MOVE_DOWN)
        self.right_order = QLabel()
        self.right_order.setWordWrap(True)
        self.right_order.setTextFormat(Qt.TextFormat.PlainText)
        self.right_order.setStyleSheet(f"color: {verdict_colour(Verdict.RIGHT, self.palette())}")
        self.right_order.setVisible(False)
        self._lay_out()
        self._show_order(unsolved(self.shuffled(self.key.ids), self.key.ids))
        self.setFocusProxy(self.list)
        self._connect()
        self.list.setCurrentRow(0)  # so Alt+Down works as soon as the list has the focus

    def _make_list(self) -> QListWidget:
        view = _FittingList()
        view.setObjectName("ordering-list")
        view.setAccessibleName(ORDER_NAME)
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap the texts when the width changes
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setSpacing(2)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        return view

    def _lay_out(self) -> None:
        hint = QLabel(ORDER_HINT)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.right_order)

    def _connect(self) -> None:
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        for keys, step in (("Alt+Up", -1), ("Ctrl+Up", -1), ("Alt+Down", +1), ("Ctrl+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_current(step))
        self.list.currentRowChanged.connect(lambda _row: self._refresh_buttons())
        self.list.model().rowsMoved.connect(self._on_dropped)

    def move_current(self, step: int) -> None:
        """Move the current item `step` places (-1 up, +1 down), keeping it current."""
        row = self.list.currentRow()
        target = row + step
        if self.locked or row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._after_move(target)

    def _on_dropped(self, _parent: QModelIndex, start: int, end: int, _dest: QModelIndex, before: int) -> None:
        """A drag moved rows start..end to just before row `before` (counted before the move)."""
        row = before if before < start else before - (end - start + 1)
        self.list.setCurrentRow(row)
        self._after_move(row)

    def _after_move(self, row: int) -> None:
        self._renumber()
        if row >= 0:
            moved = self.texts[self.list.item(row).data(Qt.ItemDataRole.UserRole)]
            self.list.setAccessibleDescription(MOVED.format(text=moved, position=row + 1, total=self.list.count()))
        self._refresh_buttons()
        self.emit_changed()

    def _show_order(self, order: tuple[str, ...]) -> None:
        self.list.clear()
        for item_id in order:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(item)
        self._renumber()

    def _renumber(self) -> None:
        """Each item shows its place, so the student (and a screen reader) knows where it is now."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setText(ITEM_ROW.format(position=row + 1, text=self.texts[item.data(Qt.ItemDataRole.UserRole)]))

    def _refresh_buttons(self) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(not self.locked and row > 0)
        self.down_button.setEnabled(not self.locked and 0 <= row < self.list.count() - 1)

    def selection(self) -> Response:
        return Response(order=[self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())])

    def shown_verdicts(self) -> dict[str, str]:
        items = [self.list.item(row) for row in range(self.list.count())]
        return {item.data(Qt.ItemDataRole.UserRole): item.data(VERDICT_ROLE) for item in items
                if item.data(VERDICT_ROLE)}

    def set_response(self, response: Response) -> None:
        """Show the saved order; items it lacks (a lesson edited since) keep their place after it."""
        saved = [i for i in dict.fromkeys(response.order) if i in self.texts]
        current = self.selection().order
        self._show_order((*saved, *(i for i in current if i not in saved)))
        self.list.setCurrentRow(0)

    def show_answer(self, response: Response, outcome: Outcome) -> None:
        self.set_response(response)
        self.locked = True
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.clearSelection()  # a highlight would hide the colours
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Marked by the quiz's own scoring mode (the core's verdicts): under the default, an order
        # earning 67% shows the two items in sequence as right, not every item as wrong.
        for row, item_id in enumerate(self.selection().order):
            item, part = self.list.item(row), outcome.part(item_id)
            verdict = part.verdict if part else Verdict.WRONG
            item.setData(VERDICT_ROLE, str(verdict))
            item.setText(f"{VERDICT_MARK[verdict]} {item.text()}")
            item.setForeground(QColor(verdict_colour(verdict, self.palette())))
        self.right_order.setText(RIGHT_ORDER.format(order=describe_correct(self.question)))
        self.right_order.setVisible(True)
        self._refresh_buttons()
        self.mark_answered()
