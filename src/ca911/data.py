"""Loads the data package: one call returns validated DataFrames."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
