"""The instructor studio: lesson editors with the real reader and question widgets as live preview."""
