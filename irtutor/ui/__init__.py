"""PySide6 widgets. Thin: they show core objects and hand user actions to services via ops."""
