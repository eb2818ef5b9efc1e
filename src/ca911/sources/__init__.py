"""The source layer: the chapter reader, coverage of the chapters by the data, and files derived
from the chapters."""
