"""Pure domain model: lessons, questions, grading. Standard library only: no Qt, no I/O."""
