"""Readers: a source file (CSV, JSON, XLSX) into a raw DuckDB table of its source's canonical columns, one module per
job. source.py sniffs and dispatches; sniff.py and text.py look at the bytes; csv_fast.py (DuckDB parses) and
csv_careful.py (exact rows, one bad row rejected alone), json_file.py and xlsx.py read; writer.py, cells.py,
distinct_values.py, privacy.py and pseudonym.py shape what is written."""
