"""Reading a number as a student types it: "1949", "1,949", "3,5", "−2.5 km", "1 949 members".

The rules, in order:

1. Spaces around the answer are ignored; a sign `-`, `−` (U+2212) or `+` may come first.
2. The number is digits with separators; whatever follows it is the unit ("5%", "32 members").
3. A space (also no-break and thin spaces) or an apostrophe only ever separates thousands.
4. With both `.` and `,`, the one written last is the decimal mark and may appear once;
   the other separates thousands ("1,949.5" and "1.949,5" are both 1949.5).
5. One kind of mark written more than once separates thousands ("1.000.000").
6. A single `.` is a decimal point ("1.949" is 1.949).
7. A single `,` is a decimal comma ("3,5" is 3.5, "3,14159" too), except with exactly three
   digits after it and one to three before it, not "0": then it separates thousands ("1,949"
   is 1949). That reading is ambiguous, so it is reported in `ReadNumber.other_reading`.
8. Where thousands are separated, the first group has one to three digits and every other
   group exactly three ("1,94,9" and "1 94" are not numbers).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

_NUMBER = re.compile(r"\s*(?P<sign>[-+\u2212]?)\s*(?P<digits>\d(?:[\d.,' \u00a0\u202f\u2009]*\d)?|[.,]\d+)(?P<rest>.*)",
                     re.S)
_GROUP = re.compile(r"[' \u00a0\u202f\u2009]")  # thousands only
_UNIT_EDGES = " \t\n.,;:!?"


@dataclass(frozen=True)
class ReadNumber:
    """A number as read from a student's text, with the unit written after it ("" if none)."""

    value: float
    unit: str = ""
    other_reading: float | None = None
    """For "1,949": 1.949, what a reader used to a decimal comma meant."""


def read_number(text: str) -> ReadNumber | None:
    """The number at the start of `text`, or None when there is none (see the module's rules)."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    read = _interpret(match["digits"])
    if read is None:
        return None
    value, other = read
    negative = match["sign"] in {"-", "\u2212"}
    unit = " ".join(match["rest"].split()).strip(_UNIT_EDGES)
    if negative:
        value, other = -value, (None if other is None else -other)
    return ReadNumber(value, unit, other)


def _interpret(digits: str) -> tuple[float, float | None] | None:
    """(value, other reading) of the digits-and-separators part, or None if it breaks a rule."""
    marks = [c for c in digits if c in ".,"]
    if not marks:
        whole, fraction, thousands = digits, "", ""
    elif len(set(marks)) == 2:
        if marks.count(marks[-1]) > 1:
            return None
        whole, fraction = digits.rsplit(marks[-1], 1)
        thousands = "." if marks[-1] == "," else ","
    elif len(marks) > 1:
        whole, fraction, thousands = digits, "", marks[0]
    else:
        whole, fraction = digits.split(marks[0])
        thousands = ""
        if marks[0] == "," and len(fraction) == 3 and re.fullmatch(r"[1-9]\d{0,2}", whole):
            return float(whole + fraction), float(f"{whole}.{fraction}")
    value = _number(whole, fraction, thousands)
    return None if value is None else (value, None)


def _number(whole: str, fraction: str, thousands: str) -> float | None:
    groups = _GROUP.sub(" ", whole.replace(thousands, " ") if thousands else whole).split(" ")
    first, rest = groups[0], groups[1:]
    if rest and not (1 <= len(first) <= 3 and all(len(g) == 3 for g in rest)):
        return None
    if not all(g.isdigit() for g in groups if g or rest) or not (fraction.isdigit() or fraction == ""):
        return None
    return float(f"{''.join(groups) or '0'}.{fraction or '0'}")


def format_number(value: float) -> str:
    """A number as the feedback shows it and `read_number` reads it back: "1949", "3.5", "0.00001".

    No exponent and no thousands separators, so a student can type exactly what is shown.
    """
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    return format(Decimal(repr(value)).normalize(), "f")
