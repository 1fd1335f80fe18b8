"""Real genres in their own layouts (see genres.py)."""

GENRE_SAMPLES: list = []
