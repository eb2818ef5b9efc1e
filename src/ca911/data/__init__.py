"""The data layer: the data package, its schema and validation, and one module per concept (dates,
numbers, references, locators)."""
