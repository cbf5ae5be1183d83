"""Indicators: the catalog (declared as data), their computation in the warehouse, and the export."""
