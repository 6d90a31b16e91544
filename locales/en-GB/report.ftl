# The reports (Markdown, HTML, CSV headings) and the charts' words.
# Plain British English, the toolkit's terms.
