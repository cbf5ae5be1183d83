"""Shared UI helpers for the dashboard pages (Streamlit ignores subfolders of pages/)."""
