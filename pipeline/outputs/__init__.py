"""Outputs: the CSV/JSONL/Parquet tables, the audit report, the researcher's dataset, all
read from the ledger and written atomically."""
