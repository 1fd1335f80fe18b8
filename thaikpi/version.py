"""The one place thaikpi's version is written (pyproject reads it from here)."""
__version__ = "0.5.2"
