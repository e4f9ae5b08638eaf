"""Lesson folders on disk -> core objects or positioned Problems. No Qt, no database."""
