"""Where things live: languages, sizes, source and test places, generated and aside paths."""
