"""Running: one file through every stage (process), many files with limits (pool, Dask),
the ledger, inputs, progress."""
