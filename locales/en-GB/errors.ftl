# Refusals and problems: what went wrong and what to do next.
# Plain British English, the toolkit's terms.
