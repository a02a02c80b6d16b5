"""Top package of the xmod_third_party_name case project."""
