"""thaikpi's pipeline: reads files, wires the stages, owns I/O and concurrency."""
__version__ = "0.2.0"
