"""One module per document kind: pure functions from parsed pages to records."""
