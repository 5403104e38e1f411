"""`make review`: what readers will see change between two versions of the site.

`builds.py` builds BASE and the working tree; `data.py` compares their data, `articles.py`
reads each built page's article, `pages.py` compares the pages, `numbers.py` finds the
numbers new prose types in, `downloads.py` names the rows each download changes, and
`report.py` writes it down. `commands/review.py` runs it.
"""
