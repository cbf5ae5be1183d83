"""Shared helpers, the bottom layer: where things live (paths), SQL files, names as the sources spell them, Spanish
formatting, the pseudonym key, small CSV files and the one exception tree. They import nothing of the project."""
