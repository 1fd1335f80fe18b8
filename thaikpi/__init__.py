"""thaikpi: Thai government performance reports (PDF and HTML) -> validated, recomputed
indicator records.

The library: `thaikpi.extract(path_or_bytes)` -> Document, `thaikpi.ingest(inputs, out)`.
The layers: `thaikpi.schemas` (types), `thaikpi.pipeline.text` (Thai text rules),
`thaikpi.pipeline.readers`, `thaikpi.extractors`, `thaikpi.pipeline.checks`,
`thaikpi.pipeline.run`, `thaikpi.pipeline.outputs` (ARCHITECTURE.md).
"""
from thaikpi.version import __version__

__all__ = ["__version__", "extract", "ingest", "Document", "Settings"]


def __getattr__(name):  # the API loads the pipeline only when it is used: `--version` stays fast
    if name in ("extract", "ingest"):
        from thaikpi import api
        return getattr(api, name)
    if name == "Document":
        from thaikpi.schemas.document import Document
        return Document
    if name == "Settings":
        from thaikpi.pipeline.settings import Settings
        return Settings
    raise AttributeError(f"module 'thaikpi' has no attribute {name!r}")
