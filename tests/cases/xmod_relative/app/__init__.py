"""Top package of the xmod_relative case project."""
