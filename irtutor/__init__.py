"""IR Tutor: an offline desktop teaching app for international-relations courses."""

__version__ = "0.1.0"
