"""Question banks in and out: Moodle's GIFT and Moodle XML, read into quiz.yaml mappings and written
from our questions (issue 14). No Qt, no database: the CLI and the studio both use it."""
