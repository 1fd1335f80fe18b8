"""thaikpi's pipeline: readers, text rules, checks, running and outputs (see ARCHITECTURE.md)."""
