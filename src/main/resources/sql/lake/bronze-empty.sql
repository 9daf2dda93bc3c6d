-- A bronze table of the declared shape and no rows, for a table the crawl fetched nothing of.
CREATE VIEW ${view} AS
${rows}
