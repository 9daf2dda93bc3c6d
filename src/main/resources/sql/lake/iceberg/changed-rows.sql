-- The new rows of the partitions that changed, to be written in place of those partitions' files.
SELECT s.* FROM ${staged} AS s SEMI JOIN ${changed} AS c ON ${same_partition}
