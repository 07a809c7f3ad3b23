"""Claims merged into events, disagreements between sources, timeline aggregates."""

from newsevents.events.figures import disagreeing_pairs, figure_bounds, source_key
from newsevents.events.merge import build_event, cluster_claims, merge_claims
from newsevents.events.timeline import timeline

__all__ = [
    "build_event", "cluster_claims", "disagreeing_pairs", "figure_bounds", "merge_claims",
    "source_key", "timeline",
]
