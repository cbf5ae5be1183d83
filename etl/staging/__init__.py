"""Staging, one module per domain: raw_<fuente> → stg_<...> (every row kept, with `motivo` when rejected) → the
domain's facts; the editable catalogs and the value maps they need. The build runs one domain after another."""
