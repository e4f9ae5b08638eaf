"""Small Qt helpers shared by the widgets (ui) and the figures (charts)."""
