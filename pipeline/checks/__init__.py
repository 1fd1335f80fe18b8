"""Stages: pure functions, each takes a Document and returns one (normalise, validate, score,
sums). They may import text/ and schemas."""
