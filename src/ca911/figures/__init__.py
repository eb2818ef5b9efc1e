"""The figure layer: one style and the timeline, network and map figures drawn from the analysis
frames."""
