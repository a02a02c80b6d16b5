"""Top package of the xmod_star_import case project."""
