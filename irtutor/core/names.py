"""Names people type for themselves, made comparable the way a reader compares them.

"José" typed with a combining accent (NFD) and with a precomposed é (NFC) look the same on a
classroom screen; so do "Anna" and "An\u200bna" with a zero-width space. A list that holds
both would let two students pick the same-looking name and mix up their answers.
"""

from __future__ import annotations

import unicodedata

_INVISIBLE = {"Cf", "Cc", "Co", "Cs", "Cn"}
"""Format (zero-width, direction marks), control, private-use, surrogate and unassigned characters."""


def clean_name(text: str) -> str:
    """The name as it will be stored: NFC, no invisible characters, single spaces."""
    composed = unicodedata.normalize("NFC", text)
    visible = "".join(" " if ch.isspace() else ch for ch in composed
                      if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE)
    return " ".join(visible.split())


def name_key(name: str) -> str:
    """Two names with the same key look alike: compatibility forms folded, case ignored."""
    return unicodedata.normalize("NFKC", clean_name(name)).casefold()
