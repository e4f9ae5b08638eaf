"""One module per question kind (or family of kinds sharing a key); see core.kind_registry."""
