"""Failures the user must hear about, raised below the UI and shown by it."""


class SaveFailed(Exception):
    """Something could not be written or read back; the message says what and where."""
