"""pyqtgraph charts drawn from sourced chart specs, always captioned with their source (issue 4)."""
