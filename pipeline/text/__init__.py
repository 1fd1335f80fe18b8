"""The ground floor: Thai text rules (digits, SARA AM, PUA, spacing, wraps, numbers, dates).

Readers, extractors, checks and outputs may import it; it imports nothing of thaikpi but
schemas."""
